import { createServer, type Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { useAccessLog } from '../../src/observability/access-log-plugin.js';
import { useHttpMetrics } from '../../src/observability/metrics-plugin.js';

/**
 * The access-log and HTTP-metrics plugins on a minimal Yoga served by Yoga's own Node adapter over
 * a real socket, next to the kinds of plugins the app has: an HTTP layer that reads POST bodies
 * itself, hands Yoga a new Request and replays repeated answers from `onRequest`; a response cache
 * that answers from `onParams` without parsing; and a health check that answers from `onRequest`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const logs: string[] = [];
const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
const cacheHits = new WeakSet<Request>();
const isCacheHit = (request: Request) => cacheHits.has(request);
const bodies = new WeakMap<Request, string>();
const requestBody = (request: Request) => bodies.get(request);

const schema = createSchema({
  typeDefs: 'type Query { hello: String!, logged(tag: String!): String! } type Mutation { refreshCatalogue: String }',
  resolvers: {
    Query: {
      hello: () => 'world',
      logged: async (_root: unknown, { tag }: { tag: string }) => {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
        logger.info('inside the resolver', { tag });
        return tag;
      },
    },
    Mutation: {
      refreshCatalogue: () => {
        throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      },
    },
  },
});

/** Answers `query Cached` from "the cache", before Yoga parses anything, as a response cache does. */
const fakeResponseCache: Plugin = {
  onParams({ params, request, setResult }) {
    if (params.query?.includes('query Cached')) {
      cacheHits.add(request);
      setResult({ data: { hello: 'from the cache' } });
    }
  },
};

/** Reads POST bodies before Yoga: replays `query Replayed` at once, hands every other body over in a new Request. */
const httpLayer: Plugin = {
  async onRequest({ request, setRequest, endResponse, fetchAPI }) {
    if (request.method !== 'POST') return;
    const text = await request.text();
    bodies.set(request, text);
    if (text.includes('query Replayed')) {
      cacheHits.add(request);
      endResponse(fetchAPI.Response.json({ data: { hello: 'replayed' } }));
      return;
    }
    const handedOver = new fetchAPI.Request(request.url, { method: 'POST', headers: request.headers, body: text });
    bodies.set(handedOver, text);
    setRequest(handedOver);
  },
};

const healthCheck: Plugin = {
  onRequest({ url, endResponse, fetchAPI }) {
    if (url.pathname === '/healthz') endResponse(fetchAPI.Response.json({ status: 'ok' }));
  },
};

function serve(plugins: Plugin[]): Promise<{ server: Server; url: string }> {
  const yoga = createYoga({ schema, plugins, logging: false, graphiql: false, landingPage: false });
  const server = createServer(yoga);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as { data?: unknown; errors?: unknown[] } };
}

const parsed = () => logs.map((line) => JSON.parse(line) as Record<string, unknown>);
const accessLines = () => parsed().filter((line) => line.msg === 'request');

describe('access log and HTTP metrics plugins on Yoga over a socket', () => {
  const registry = new Registry();
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await serve([useAccessLog({ logger, isCacheHit, requestBody }), useHttpMetrics({ registry, isCacheHit, requestBody }), httpLayer, fakeResponseCache, healthCheck]));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    logs.length = 0;
  });

  it('logs one info line per request with method, path, operation, status, duration, cache hit and a generated request id echoed back', async () => {
    const response = await post(url, { query: 'query Hello { hello }' });
    expect(response.body).toEqual({ data: { hello: 'world' } });
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(UUID);
    expect(accessLines()).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        operation: 'Hello',
        operationType: 'query',
        status: 200,
        durationMs: expect.any(Number),
        cacheHit: false,
        requestId,
        remoteAddress: expect.stringMatching(/127\.0\.0\.1$/),
      },
    ]);
  });

  it("keeps the caller's X-Request-Id when it looks like one, and replaces one that does not", async () => {
    const kept = await post(url, { query: '{ hello }' }, { 'x-request-id': 'trace-4bf92f3577b34da6' });
    expect(kept.headers['x-request-id']).toBe('trace-4bf92f3577b34da6');
    const replaced = await post(url, { query: '{ hello }' }, { 'x-request-id': `spaces and "quotes" ${'x'.repeat(200)}` });
    expect(replaced.headers['x-request-id']).toMatch(UUID);
    expect(accessLines().map((line) => [line.requestId, line.operation, line.operationType])).toEqual([
      ['trace-4bf92f3577b34da6', null, 'query'],
      [replaced.headers['x-request-id'], null, 'query'],
    ]);
  });

  it('every line logged while serving a request carries its id, even with many requests in flight', async () => {
    const tags = Array.from({ length: 20 }, (_, index) => `t${index}`);
    const responses = await Promise.all(tags.map((tag) => post(url, { query: 'query Logged($tag: String!) { logged(tag: $tag) }', variables: { tag } }, { 'x-request-id': `req-${tag}` })));
    expect(responses.map((response) => response.body.data)).toEqual(tags.map((tag) => ({ logged: tag })));
    const inside = parsed().filter((line) => line.msg === 'inside the resolver');
    expect(inside).toHaveLength(20);
    for (const line of inside) expect(line.requestId).toBe(`req-${line.tag as string}`);
  });

  it('answers from the response cache are logged and counted with their operation, as cache hits', async () => {
    const response = await post(url, { query: 'query Cached { hello }' });
    expect(response.body).toEqual({ data: { hello: 'from the cache' } });
    expect(accessLines()).toMatchObject([{ operation: 'Cached', operationType: 'query', status: 200, cacheHit: true }]);
    const text = await registry.metrics();
    expect(text).toMatch(/llm_catalogue_http_request_duration_seconds_count\{method="POST",path="\/graphql",operation="Cached",type="query",status="200"\} 1\n/);
    expect(text).toMatch(/llm_catalogue_response_cache_requests_total\{result="hit"\} 1\n/);
  });

  it('answers replayed from onRequest, before Yoga reads any parameter, are named from the body the HTTP layer read', async () => {
    const response = await post(url, { query: 'query Replayed { hello }' }, { 'x-request-id': 'replay-1' });
    expect(response.body).toEqual({ data: { hello: 'replayed' } });
    expect(response.headers['x-request-id']).toBe('replay-1');
    expect(accessLines()).toMatchObject([{ method: 'POST', path: '/graphql', operation: 'Replayed', operationType: 'query', status: 200, cacheHit: true, requestId: 'replay-1' }]);
    const text = await registry.metrics();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",path="\/graphql",operation="Replayed",type="query",status="200"\} 1\n/);
  });

  it('logs only the path of a GET, never its query string', async () => {
    const response = await request(`${url}/graphql?query=${encodeURIComponent('query Hello { hello }')}&token=not-for-logs`, { headers: { accept: 'application/json' } });
    await response.body.dump();
    expect(response.statusCode).toBe(200);
    expect(accessLines()).toMatchObject([{ method: 'GET', path: '/graphql', operation: 'Hello', status: 200 }]);
    expect(logs.join('\n')).not.toContain('not-for-logs');
  });

  it('requests answered by an earlier onRequest (a health check) are still logged and counted', async () => {
    const response = await request(`${url}/healthz`);
    expect(await response.body.json()).toEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(accessLines()).toMatchObject([{ method: 'GET', path: '/healthz', operation: null, operationType: null, status: 200 }]);
    expect(await registry.metrics()).toMatch(/llm_catalogue_http_request_duration_seconds_count\{method="GET",path="\/healthz",operation="",type="",status="200"\} 1\n/);
  });

  it('counts requests by operation and status, and cache misses of queries', async () => {
    const before = await registry.getSingleMetricAsString('llm_catalogue_response_cache_requests_total');
    const misses = Number(/result="miss"\} (\d+)/.exec(before)![1]);
    await post(url, { query: 'query Counted { hello }' });
    await post(url, { query: 'query Counted { hello }' });
    await post(url, { query: 'query Counted { nope }' });
    const text = await registry.metrics();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",path="\/graphql",operation="Counted",type="query",status="200"\} 3\n/);
    expect(text).toMatch(/llm_catalogue_response_cache_requests_total\{result="miss"\} (\d+)\n/);
    expect(Number(/response_cache_requests_total\{result="miss"\} (\d+)/.exec(text)![1])).toBe(misses + 3);
  });
});

describe('HTTP metrics labels stay bounded', () => {
  it('client-chosen operation names beyond the limit, unknown paths and methods are counted as "other"', async () => {
    const registry = new Registry();
    const { server, url } = await serve([useHttpMetrics({ registry, isCacheHit, maxOperationNames: 2 })]);
    try {
      for (const name of ['First', 'Second', 'Third', 'Fourth']) await post(url, { query: `query ${name} { hello }` });
      await (await request(`${url}/random-${Date.now()}`)).body.dump();
      await (await request(`${url}/graphql`, { method: 'PROPFIND' })).body.dump();
      const text = await registry.getSingleMetricAsString('llm_catalogue_http_request_duration_seconds');
      const counts = [...text.matchAll(/_count\{(.*)\} (\d+)/g)].map(([, labels, count]) => `${labels} ${count}`).sort();
      expect(counts).toEqual([
        'method="GET",path="other",operation="",type="",status="404" 1',
        'method="POST",path="/graphql",operation="First",type="query",status="200" 1',
        'method="POST",path="/graphql",operation="Second",type="query",status="200" 1',
        'method="POST",path="/graphql",operation="other",type="query",status="200" 2',
        'method="other",path="/graphql",operation="",type="",status="405" 1',
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the client address', () => {
  it('comes from the host when it knows better (trusted proxies), else from the socket', async () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line) => lines.push(line) });
    const behindProxy = (request: Request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    const { server, url } = await serve([useAccessLog({ logger: log, isCacheHit, clientAddress: behindProxy })]);
    try {
      await post(url, { query: '{ hello }' }, { 'x-forwarded-for': '198.51.100.4, 203.0.113.9' });
      expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', remoteAddress: '203.0.113.9' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
