import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { runEnrichmentCycle } from '../../src/catalogue/enrichment.js';
import { HealthBook } from '../../src/catalogue/health-book.js';
import { createLogger } from '../../src/logger.js';
import { endpointsPath, fetchModelEndpoints } from '../../src/openrouter/endpoints-client.js';
import { fetchModels } from '../../src/openrouter/models-client.js';
import { execute, post } from '../support/api.js';
import { makeCatalogue, type TestCatalogue } from '../support/test-catalogue.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { FakeUpstream, type UpstreamHandler } from '../support/upstream.js';
import { SelectorQuery } from '../api/operations.js';

const ADMIN = 'fault-suite-admin-token-000000001';
/** The OpenRouter key the suite sends; a fault that echoes it must never get it into a response or a log line. */
const API_KEY = 'sk-or-v1-faultsuite0123456789abcdef0123456789abcdef';
const MODELS = readFixtureBytes('openrouter', 'models-2026-06-16.json');
const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 1_500;

/** The /api/v1/models answer of the current case. */
let modelsFault: UpstreamHandler = (_req, res) => res.end(MODELS);

function json(status: number, body: string, headers: Record<string, string> = {}): UpstreamHandler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };
}

/** A 200 whose body is not JSON but an echo of the request, credentials included (a misrouted debug endpoint). */
function echoRequest(): UpstreamHandler {
  return (req, res) => {
    const { authorization, ...rest } = req.headers;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`Authorization: ${authorization}\r\n${Object.entries(rest).map(([name, value]) => `${name}: ${String(value)}`).join('\r\n')}`);
  };
}

function thirdMalformed(): string {
  const { data } = JSON.parse(MODELS.toString('utf8')) as { data: Record<string, unknown>[] };
  return JSON.stringify({ data: data.map((model, i) => (i % 3 === 0 ? { ...model, id: i, context_length: 'lots' } : model)) });
}

interface Case {
  readonly name: string;
  readonly answer: () => UpstreamHandler;
  /** What refreshCatalogue returns, as data. */
  readonly expected: Record<string, unknown>;
}

describe('upstream faults never take the catalogue down', () => {
  const upstream = new FakeUpstream();
  let elsewhere: Server;
  let elsewhereHits = 0;
  let test: TestCatalogue;
  const logs: string[] = [];
  let app: ReturnType<typeof createApp>;
  let dispatcher: Agent;

  beforeAll(async () => {
    upstream.route('/api/v1/models', (req, res) => modelsFault(req, res));
    await upstream.start();
    elsewhere = createServer((_req, res) => {
      elsewhereHits += 1;
      res.end(MODELS);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    dispatcher = new Agent();
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    test = makeCatalogue(upstream.baseUrl, {
      logger,
      fetchModels: (signal) => fetchModels({ dispatcher, baseUrl: upstream.baseUrl, apiKey: API_KEY, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES }, signal),
    });
    test.catalogue.parts.scheduler.setEnabled(false);
    await test.catalogue.start();
    app = createApp({ catalogue: test.catalogue, adminToken: ADMIN, logger, graphiql: false });
    // One good refresh first: the catalogue every fault must leave in place.
    const { body } = await post(app, { query: 'mutation { refreshCatalogue { __typename } }' }, { authorization: `Bearer ${ADMIN}` });
    expect(body.data).toEqual({ refreshCatalogue: { __typename: 'RefreshCatalogueSuccess' } });
  });
  afterAll(async () => {
    await test.close();
    await dispatcher.close();
    await upstream.stop();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  const cases: Case[] = [
    { name: 'HTTP 500', answer: () => json(500, '{"error":"boom"}'), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'http-status', status: 500, retryAfterSeconds: null } },
    { name: 'HTTP 502', answer: () => json(502, '<html>bad gateway</html>'), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'http-status', status: 502 } },
    { name: 'HTTP 503 with Retry-After', answer: () => json(503, '{}', { 'retry-after': '30' }), expected: { __typename: 'UpstreamUnavailableError', status: 503, retryAfterSeconds: 30 } },
    { name: 'HTTP 429 with Retry-After', answer: () => json(429, '{}', { 'retry-after': '7' }), expected: { __typename: 'UpstreamUnavailableError', status: 429, retryAfterSeconds: 7 } },
    { name: 'HTTP 503 with Retry-After: 99999999999 (past the 32-bit Int)', answer: () => json(503, '{}', { 'retry-after': '99999999999' }), expected: { __typename: 'UpstreamUnavailableError', status: 503, retryAfterSeconds: 86_400 } },
    { name: 'a body cut off mid-JSON', answer: () => json(200, MODELS.subarray(0, MODELS.length / 2).toString('utf8')), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'not-json' } },
    { name: 'HTTP 503 with a Retry-After date in the year 9999', answer: () => json(503, '{}', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }), expected: { __typename: 'UpstreamUnavailableError', status: 503, retryAfterSeconds: 86_400 } },
    {
      name: 'a connection dropped mid-body',
      answer: () => (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MODELS.length) });
        res.write(MODELS.subarray(0, 1000));
        setTimeout(() => res.destroy(), 20);
      },
      expected: { __typename: 'UpstreamUnavailableError', failureKind: 'transport' },
    },
    { name: 'an HTML error page', answer: () => json(200, '<!DOCTYPE html><html><body>Cloudflare error</body></html>', { 'content-type': 'text/html' }), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'not-json' } },
    { name: '{"data": null}', answer: () => json(200, '{"data": null}'), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'bad-shape', message: 'GET /api/v1/models: "data" is null, expected an array of models' } },
    { name: '{"data": {}}', answer: () => json(200, '{"data": {}}'), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'bad-shape' } },
    { name: '{"data": "x"}', answer: () => json(200, '{"data": "x"}'), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'bad-shape' } },
    {
      name: 'a body far over the size cap',
      answer: () => (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(Buffer.concat([Buffer.from('{"data":['), Buffer.alloc(4 * MAX_BYTES, 32), Buffer.from(']}')]));
      },
      expected: { __typename: 'UpstreamUnavailableError', failureKind: 'too-large' },
    },
    {
      name: 'a body that trickles a byte a second',
      answer: () => (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= 10) return clearInterval(timer);
          res.write(MODELS.subarray(sent, ++sent));
        }, 1_000);
        res.on('close', () => clearInterval(timer));
      },
      expected: { __typename: 'UpstreamUnavailableError', failureKind: 'timeout' },
    },
    { name: 'a connection reset', answer: () => (req) => req.socket.destroy(), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'transport' } },
    {
      name: 'a redirect to another port on 127.0.0.1',
      answer: () => (_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/api/v1/models` });
        res.end();
      },
      expected: { __typename: 'UpstreamUnavailableError', failureKind: 'http-status', status: 302 },
    },
    { name: 'a 200 echoing the request headers, key included', answer: () => echoRequest(), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'not-json' } },
    { name: 'a 200 that starts with the bearer credential', answer: () => (req, res) => res.end(`${req.headers.authorization} was accepted`), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'not-json' } },
    { name: 'a 200 with the key deep inside a broken JSON body', answer: () => (req, res) => res.end(`{"data": [1, 2, ${req.headers.authorization}]}`), expected: { __typename: 'UpstreamUnavailableError', failureKind: 'not-json' } },
    { name: 'a list where a third of the entries are malformed', answer: () => json(200, thirdMalformed()), expected: { __typename: 'RefreshRejectedError', guard: 'MALFORMED', currentCount: 228 } },
  ];

  for (const fault of cases) {
    it(`${fault.name}: still serving, failure reported once, error returned as data`, async () => {
      const before = await execute(app, SelectorQuery, { includeAuto: true });
      const logsBefore = logs.length;
      modelsFault = fault.answer();
      try {
        const { body } = await post(app, { query: 'mutation { refreshCatalogue { __typename ... on RefreshError { message } ... on UpstreamUnavailableError { failureKind status retryAfterSeconds } ... on RefreshRejectedError { guard currentCount fetchedCount } } }' }, { authorization: `Bearer ${ADMIN}` });
        expect(body.errors).toBeUndefined();
        const result = (body.data as { refreshCatalogue: Record<string, unknown> }).refreshCatalogue;
        expect(result).toMatchObject(fault.expected);
        const after = await execute(app, SelectorQuery, { includeAuto: true });
        expect(after.body).toEqual(before.body);
        const status = await post<{ catalogue: { lastRefresh: { outcome: string; message: string } } }>(app, { query: '{ catalogue { lastRefresh { outcome message } } }' });
        expect(status.body.data!.catalogue.lastRefresh).toEqual({ outcome: result.__typename === 'RefreshRejectedError' ? 'REJECTED_BY_GUARD' : 'UPSTREAM_UNAVAILABLE', message: result.message });
        // No upstream text reaches a response or a log line unredacted and untruncated.
        for (const text of [JSON.stringify(body), JSON.stringify(status.body), ...logs.slice(logsBefore)]) {
          expect(text).not.toContain(API_KEY.slice(0, 12));
          expect(text).not.toMatch(/bearer\s+sk-/i);
        }
        expect((result.message as string).length).toBeLessThanOrEqual(300);
        const warnings = logs.slice(logsBefore).filter((line) => line.includes('"level":"warn"') && line.includes('catalogue refresh failed'));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(JSON.stringify(result.message).slice(1, -1).slice(0, 40));
      } finally {
        modelsFault = (_req, res) => res.end(MODELS);
      }
    });
  }

  it('never followed the redirect', () => expect(elsewhereHits).toBe(0));

  it('the malformed list is accepted with force, keeping the valid two thirds', async () => {
    modelsFault = json(200, thirdMalformed());
    const { body } = await post(app, { query: 'mutation { refreshCatalogue(force: true) { __typename ... on RefreshCatalogueSuccess { catalogue { counts { total } lastRefresh { malformedCount } } } } }' }, { authorization: `Bearer ${ADMIN}` });
    expect(body.data).toMatchObject({ refreshCatalogue: { __typename: 'RefreshCatalogueSuccess', catalogue: { lastRefresh: { malformedCount: 113 } } } });
    modelsFault = (_req, res) => res.end(MODELS);
  });
});

describe('/endpoints faults affect only health, as the rules say', () => {
  it('status -2, null uptimes, fractions, no endpoints and a non-object data', async () => {
    const configs = makeCatalogue('http://127.0.0.1:1');
    await configs.catalogue.start();
    const catalogue = configs.catalogue.current()!.configs;
    await configs.close();
    const gpt4o = JSON.parse(readFixtureBytes('openrouter', 'endpoints', 'openai__gpt-4o.json').toString('utf8')) as { data: { endpoints: Record<string, unknown>[] } };
    const endpoint = gpt4o.data.endpoints[0]!;
    const answers: Record<string, unknown> = {
      onlyDown: { data: { endpoints: [{ ...endpoint, status: -2 }] } },
      nullUptimes: { data: { endpoints: [{ ...endpoint, uptime_last_30m: null, uptime_last_1d: null, uptime_last_5m: null }] } },
      fractions: { data: { endpoints: [{ ...endpoint, uptime_last_30m: 0.995, uptime_last_1d: 0.99, uptime_last_5m: 0.98 }] } },
      none: { data: { endpoints: [] } },
      notObject: { data: ['x'] },
      endpointsNotList: { data: { endpoints: 'x' } },
    };
    const names = Object.keys(answers);
    const upstream = new FakeUpstream();
    const { selectForEnrichment } = await import('../../src/catalogue/enrichment.js');
    const selected = selectForEnrichment(catalogue);
    // The first six selected models get one fault each; the others a healthy answer, so the cycle is not degraded.
    selected.forEach((config, i) => upstream.json(`/${decodeURIComponent(endpointsPath(config.modelName))}`, i < names.length ? answers[names[i]!] : gpt4o));
    await upstream.start();
    const dispatcher = new Agent();
    try {
      const { configs: enriched, report } = await runEnrichmentCycle(catalogue, {
        book: HealthBook.EMPTY,
        fetchEndpoints: (id) => fetchModelEndpoints(id, { dispatcher, baseUrl: upstream.baseUrl }),
      });
      const health = (i: number) => enriched.find((c) => c.id === selected[i]!.id)!;
      expect(health(0)).toMatchObject({ healthGated: true, health: { gateReason: 'NO_OK_ENDPOINT' } });
      expect(health(1)).toMatchObject({ healthGated: true, health: { gateReason: 'NO_UPTIME_DATA' } });
      expect(health(2)).toMatchObject({ healthGated: false, health: { bestUptimePct: 99.5, freshnessPct: 98 } });
      expect(health(3)).toMatchObject({ healthGated: true, health: { gateReason: 'NO_ENDPOINTS' } });
      expect(health(4)).toMatchObject({ healthGated: false, health: null }); // a failed fetch with nothing cached keeps what it had
      expect(health(5)).toMatchObject({ healthGated: true, health: { gateReason: 'NO_ENDPOINTS' } });
      expect(report).toMatchObject({ failures: 1, degraded: false, failuresByKind: { 'bad-shape': 1 } });
      expect(enriched.filter((c) => c.health !== null)).toHaveLength(selected.length - 1);
    } finally {
      await dispatcher.close();
      await upstream.stop();
    }
  });
});
