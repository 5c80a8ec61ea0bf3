import { createHash } from 'node:crypto';
import { Registry } from 'prom-client';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, QUERY_LIMITS } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { parseMetrics } from '../support/prometheus.js';

/**
 * The shortcuts inside Yoga's plugin system must be invisible: the response cache's replay hook (an
 * `onRequest` answer for a request that repeats one already answered) and prepared execution (graphql-jit
 * and serialised fragments, in place of Yoga's own executor). The same app with and without them answers
 * every request of this matrix with the same status, body and headers (all but `date`), on the first
 * sighting, the second (kept), the third (replayed), and for new variables; and it logs and counts every
 * answer alike. The matrix crosses methods, Accept types, Origins and kinds of answer.
 */

const SELECTOR = 'query S($probe: Int!) { llmConfigs { id name tier pricing { prompt } health { score } } probe: llmConfig(id: $probe) { id } }';
const TWO_OPERATIONS = `${SELECTOR} query T { catalogue { version ready } }`;

const PAYLOADS: Record<string, { query: string; variables?: Record<string, unknown>; operationName?: string }> = {
  success: { query: SELECTOR, variables: { probe: 7 } },
  'operation T of two': { query: TWO_OPERATIONS, operationName: 'T' },
  'operation S of two': { query: TWO_OPERATIONS, operationName: 'S', variables: { probe: -1 } },
  'validation error': { query: '{ llmConfigs { nope } }' },
  'syntax error': { query: '{ llmConfigs ' },
  'limit rejection (aliases)': { query: `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: catalogue { version }`).join(' ')} }` },
  'limit rejection (cost)': { query: `{ ${Array.from({ length: 6 }, (_, i) => `l${i}: llmConfigs { id name modelName provider tier description }`).join(' ')} }` },
  'execution error': { query: '{ catalogueChanges(last: 0) { toVersion } }' },
  'execution error beside configs': { query: 'query E($s: String) { llmConfigs(filter: { search: $s }) { id } }', variables: { s: 'x'.repeat(201) } },
  'variable error': { query: SELECTOR, variables: { probe: 'x' } },
};
const ACCEPTS = [undefined, 'application/json', 'application/graphql-response+json', '*/*', 'application/graphql-response+json, application/json;q=0.9'];
const ORIGINS = [undefined, 'http://a.example', 'http://b.example'];

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function observed() {
  const lines: string[] = [];
  const registry = new Registry();
  return { lines, registry, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
}

describe('the replay hook and prepared execution answer exactly as Yoga alone', () => {
  const shortcuts = observed();
  const full = observed();
  // No per-client limit: the two apps would spend their budgets at different moments.
  const withShortcuts = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: shortcuts.logger, metricsRegistry: shortcuts.registry, graphiql: false, limits: { pointsPerSecond: 0 } });
  const withoutShortcuts = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: full.logger, metricsRegistry: full.registry, graphiql: false, preparedExecution: false, replayCachedResponses: false, limits: { pointsPerSecond: 0 } });
  const a = serveDuringSuite(withShortcuts);
  const b = serveDuringSuite(withoutShortcuts);
  // Prepared execution loads with the first query (Yoga's executor answers until then); here it is loaded first.
  beforeAll(() => withShortcuts.prepared!.load());

  async function send(base: string, method: 'GET' | 'POST', payload: (typeof PAYLOADS)[string], accept: string | undefined, origin: string | undefined): Promise<Answer> {
    // The same request id on both sides: a generated one differs per request by design.
    const headers: Record<string, string> = { 'x-request-id': `parity-${method}-${createHash('sha256').update(`${accept}|${origin}`).digest('hex').slice(0, 16)}` };
    if (accept) headers.accept = accept;
    if (origin) headers.origin = origin;
    let url = `${base}/graphql`;
    let body: string | undefined;
    if (method === 'GET') {
      const params = new URLSearchParams({ query: payload.query });
      if (payload.variables) params.set('variables', JSON.stringify(payload.variables));
      if (payload.operationName) params.set('operationName', payload.operationName);
      url += `?${params}`;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(payload);
    }
    const response = await request(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const { date: _date, ...rest } = response.headers;
    return { status: response.statusCode, headers: rest, body: await response.body.text() };
  }

  let probe = 100;
  it.each(Object.keys(PAYLOADS))('%s: every method, Accept and Origin, repeated and with new variables', async (name) => {
    const payload = PAYLOADS[name]!;
    for (const method of ['GET', 'POST'] as const) {
      for (const accept of ACCEPTS) {
        for (const origin of ORIGINS) {
          const where = `${method} accept=${accept} origin=${origin}`;
          for (let sighting = 1; sighting <= 3; sighting += 1) expect(await send(a.base, method, payload, accept, origin), `${where} sighting ${sighting}`).toEqual(await send(b.base, method, payload, accept, origin));
          if (payload.variables?.probe === undefined) continue;
          // New variables each time: executed afresh, through prepared execution on one side.
          for (let fresh = 1; fresh <= 2; fresh += 1) {
            const renewed = { ...payload, variables: { ...payload.variables, probe: (probe += 1) } };
            expect(await send(a.base, method, renewed, accept, origin), `${where} new variables ${fresh}`).toEqual(await send(b.base, method, renewed, accept, origin));
          }
        }
      }
    }
  });

  it('did take the shortcuts: configs written from serialised fragments, repeated successes replayed', () => {
    expect(withShortcuts.prepared!.current!.stats().bytes).toBeGreaterThan(0);
    expect(withShortcuts.responseCache.stats().replayed).toBeGreaterThanOrEqual(3 * 2 * 5);
    expect(withoutShortcuts.prepared).toBeNull();
    expect(withoutShortcuts.responseCache.stats().replayed).toBe(0);
  });

  it('logged every answer with the same line (but for its time and duration), in the same order', () => {
    const lines = (observedLines: string[]) =>
      observedLines
        .filter((line) => line.includes('"msg":"request"'))
        .map((line) => line.replace(/"time":"[^"]*"/, '"time":"…"').replace(/"durationMs":[\d.]+/, '"durationMs":0'));
    expect(lines(shortcuts.lines)).toEqual(lines(full.lines));
    expect(lines(shortcuts.lines).length).toBeGreaterThan(500);
  });

  it('counted every answer alike: requests by method, path, operation and status, cache hits and misses', async () => {
    const counts = async (registry: Registry) =>
      parseMetrics(await registry.metrics())
        .filter((sample) => sample.name.endsWith('_count') || sample.name.endsWith('response_cache_requests_total'))
        .map((sample) => `${sample.name}${JSON.stringify(sample.labels)} ${sample.value}`)
        .sort();
    expect(await counts(shortcuts.registry)).toEqual(await counts(full.registry));
  });
});
