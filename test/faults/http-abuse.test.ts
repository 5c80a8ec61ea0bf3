import { connect } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, QUERY_LIMITS } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { listen, serveDuringSuite } from '../support/api.js';
import { LoopbackClient } from '../support/clients.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

/** Issue 12's HTTP findings (6, 8, 10, 13, 14) and more members of the same classes, over real sockets. */

const ADMIN = 'abuse-admin-token-0123456789abcdef';
const SELECTOR = '{ llmConfigs { id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score } } }';

function setup(limits: Parameters<typeof createApp>[0]['limits'] = {}) {
  const logs: string[] = [];
  const catalogue = new FakeCatalogue();
  const app = createApp({ catalogue, adminToken: ADMIN, logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }), graphiql: true, limits });
  return { app, catalogue, logs };
}

const clients: LoopbackClient[] = [];
function client(address: string): LoopbackClient {
  const created = new LoopbackClient(address);
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('query cost counts lists at their size (12.6)', () => {
  const { app, logs } = setup({ pointsPerSecond: 0 });
  const server = serveDuringSuite(app);
  const anyone = client('127.0.0.1');

  it('accepts the selector query and refuses 30 × llmConfigs before anything resolves', async () => {
    expect((await anyone.post(server.base, { query: SELECTOR })).json.errors).toBeUndefined();
    const abusive = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: llmConfigs { id name modelName provider tier }`).join(' ')} }`;
    const refused = await anyone.post(server.base, { query: abusive }, { accept: 'application/graphql-response+json' });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ errors: [{ message: 'Query complexity of 37530 exceeds max complexity of 20000', extensions: { code: 'QUERY_COMPLEXITY', queryComplexity: { max: 20000, actual: 37530 } } }] });
    expect(logs.some((line) => line.includes('query rejected by cost limit'))).toBe(true);
  });

  it('counts fragments once per spread and nested lists multiplied', async () => {
    const nested = '{ catalogueChanges(last: 50) { added { id name modelName } removed { id name modelName } } }';
    // 1 + 50 × (1 + 10 × 3 + 1 + 10 × 3)
    expect((await anyone.post(server.base, { query: nested })).json.errors).toBeUndefined();
    const viaFragments = `{ a: llmConfigs { ...F } b: llmConfigs { ...F } c: llmConfigs { ...F } } fragment F on LlmConfig { id name modelName provider tier description seoTitle seoSlug seoDescription systemInstructions provider rpm tpm contextLength qualityScore qualityScoreStatic qualityScoreHealth healthGated supportsTools supportsImageInput isPremium routerPoolEligible anonymousEnabled seoEnabled quotaReserveTokens useDefaultSystemInstructions citationsEnabled autoPinTier source litellmParams }`;
    expect((await anyone.post(server.base, { query: viaFragments })).json.errors?.[0]?.extensions?.code).toBe('QUERY_COMPLEXITY');
  });
});

describe('introspection is bounded (12.6)', () => {
  const { app } = setup({ pointsPerSecond: 0 });
  const server = serveDuringSuite(app);
  const anyone = client('127.0.0.1');

  it('refuses more than one __schema per document', async () => {
    const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    expect((await anyone.post(server.base, { query: thirty })).json).toEqual({
      errors: [{ message: 'Introspection limit: a document may select __schema at most 1 time(s), found 30.', extensions: { code: 'INTROSPECTION_LIMIT' } }],
    });
  });

  it('caches the introspection GraphiQL sends: repeated loads are answered from the cache', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
    const before = app.responseCache.stats().replayed;
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await anyone.post(server.base, { query }));
    for (const answer of answers) expect(answer.json.errors).toBeUndefined();
    expect(JSON.stringify(answers[3]!.json)).toBe(JSON.stringify(answers[0]!.json));
    expect(app.responseCache.stats().replayed - before).toBe(2);
  });
});

describe('per-client budget and process-wide cap (12.6)', () => {
  it('answers a client over its budget with 429 and Retry-After, cheaply, while other clients are served', { timeout: 20_000 }, async () => {
    const { app, logs } = setup({ pointsPerSecond: 40, windowSeconds: 3 });
    const listening = await listen(app);
    try {
      const greedy = client('127.0.0.2');
      const polite = client('127.0.0.3');
      // Each new selector document spends ~50 of the 120 points (1 to arrive, 1 per 20 characters of a new
      // document, 1 per 100 of its cost 3,751); its cost is charged after it starts, so the 2nd or 3rd is the last.
      const greedyAnswers = [];
      for (let i = 0; i < 6; i += 1) greedyAnswers.push(await greedy.post(listening.base, { query: SELECTOR.replace('{ llmConfigs', `{ n${i}: llmConfigs`) }));
      const statuses = greedyAnswers.map((answer) => answer.status);
      const firstRefused = statuses.indexOf(429);
      expect([2, 3]).toContain(firstRefused);
      expect(statuses.slice(0, firstRefused).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(firstRefused).every((status) => status === 429)).toBe(true);
      const refused = greedyAnswers[firstRefused]!;
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3);
      expect(refused.json).toEqual({ errors: [{ message: `Too many requests from this client: retry in ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED' } }] });
      expect((await polite.post(listening.base, { query: SELECTOR })).status).toBe(200);
      expect(logs.filter((line) => line.includes('client over its request budget'))).toHaveLength(1);
      // Answers from the response cache cost one point each.
      for (let i = 0; i < 20; i += 1) expect((await polite.post(listening.base, { query: SELECTOR })).status).toBe(200);
      // Probes are never limited.
      for (let i = 0; i < 5; i += 1) expect((await request(`${listening.base}/readyz`)).statusCode).toBe(200);
      // The budget refills with the next window.
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      expect((await greedy.post(listening.base, { query: '{ catalogue { version } }' })).status).toBe(200);
    } finally {
      await listening.close();
    }
  });

  it('refuses an operation with 503 and Retry-After while the process runs its maximum', async () => {
    const { app, catalogue } = setup({ pointsPerSecond: 0, maxConcurrentExecutions: 1 });
    const listening = await listen(app);
    try {
      let release!: () => void;
      catalogue.nextOutcome = () => new Promise((resolve) => (release = () => resolve({ kind: 'upstream-unavailable', failureKind: 'timeout', message: 'slow', status: null, retryAfterSeconds: null })));
      const admin = client('127.0.0.4');
      const slow = admin.post(listening.base, { query: 'mutation { refreshCatalogue { __typename } }' }, { authorization: `Bearer ${ADMIN}` });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const busy = await client('127.0.0.5').post(listening.base, { query: '{ catalogue { version } }' });
      expect(busy.status).toBe(503);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.json.errors?.[0]).toEqual({ message: 'Server busy: too many operations are running; retry shortly.', extensions: { code: 'SERVER_BUSY' } });
      release();
      expect((await slow).json.data).toEqual({ refreshCatalogue: { __typename: 'UpstreamUnavailableError' } });
      expect((await client('127.0.0.5').post(listening.base, { query: '{ catalogue { version } }' })).status).toBe(200);
    } finally {
      await listening.close();
    }
  });
});

describe('requests whose shape would hurt never get a 500 (12.10)', () => {
  const { app, logs } = setup({ pointsPerSecond: 0 });
  const server = serveDuringSuite(app);
  const raw = async (init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => {
    const response = await request(`${server.base}${init.path ?? '/graphql'}`, { method: (init.method ?? 'POST') as 'POST', headers: init.headers ?? { 'content-type': 'application/json' }, ...(init.body === undefined ? {} : { body: init.body }) });
    return { status: response.statusCode, text: await response.body.text() };
  };

  it('a 3,000-level list literal (under the token limit) is a syntax error: 200 as JSON, 400 as graphql-response+json', async () => {
    const query = `{ llmConfigs(filter: { search: ${'['.repeat(1999)}"x"${']'.repeat(1999)} }) { id } }`;
    for (const [accept, status] of [['application/json', 200], ['application/graphql-response+json', 400]] as const) {
      const answer = await raw({ headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'Syntax Error: brackets nest more than 64 levels deep.', locations: [{ line: 1, column: 93 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    }
    const deepSelections = `{ ${'catalogue { '.repeat(1500)}${'}'.repeat(1501)}`;
    expect((await raw({ body: JSON.stringify({ query: deepSelections }) })).text).toContain('brackets nest more than 64 levels deep');
  });

  it('variables nested thousands deep are refused with 400 before anything walks them', async () => {
    const body = `{"query":"query($v: [Int]) { autoPick(threadId: \\"t\\", premiumEligible: true, excludeIds: $v) { index } }","variables":{"v":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const answer = await raw({ body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'Variables nest more than 16 levels deep.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it.each([
    ['application/jsonx'],
    ['text/plain'],
    ['text/plain;charset=UTF-8'],
    ['multipart/form-data; boundary=x'],
    ['application/xml'],
    [''],
  ])('a body of content type %j gets 415 with the accepted types', async (contentType) => {
    const answer = await raw({ headers: contentType ? { 'content-type': contentType } : {}, body: JSON.stringify({ query: '{ catalogue { version } }' }) });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ message: expect.stringContaining('send the request as one of application/json'), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it.each([
    ['invalid JSON', { body: '{"query": ' }],
    ['a JSON string', { body: '"query"' }],
    ['null', { body: 'null' }],
    ['a batch', { body: '[{"query":"{ catalogue { version } }"}]' }],
    ['query not a string', { body: '{"query": 42}' }],
    ['variables an array', { body: '{"query":"{ catalogue { version } }","variables":[1]}' }],
    ['operationName a number', { body: '{"query":"{ catalogue { version } }","operationName":7}' }],
    ['extensions a string', { body: '{"query":"{ catalogue { version } }","extensions":"x"}' }],
    ['GET with malformed variables', { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ catalogue { version } }')}&variables=%7Bbad`, headers: { accept: 'application/json' } }],
    ['GET without a query', { method: 'GET', headers: { accept: 'application/json' } }],
    ['GET of a mutation', { method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { refreshCatalogue { __typename } }')}`, headers: { accept: 'application/json' } }],
    ['PUT', { method: 'PUT', body: '{"query":"{ catalogue { version } }"}' }],
    ['DELETE', { method: 'DELETE' }],
    ['an unknown Accept', { headers: { 'content-type': 'application/json', accept: 'image/png' }, body: '{"query":"{ catalogue { version } }"}' }],
    ['5,000 operations', { body: JSON.stringify({ query: Array.from({ length: 5000 }, (_, i) => `query Q${i} { catalogue { version } }`).join(' '), operationName: 'Q1' }) }],
    ['a fragment cycle', { body: JSON.stringify({ query: '{ llmConfigs { ...A } } fragment A on LlmConfig { ...B } fragment B on LlmConfig { ...A }' }) }],
    ['fragments chained 40 deep', { body: JSON.stringify({ query: `{ llmConfigs { ...F0 } } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on LlmConfig { id ${i < 39 ? `...F${i + 1}` : ''} }`).join(' ')}` }) }],
    ['a 60 KB string variable', { body: JSON.stringify({ query: 'query($s: String) { llmConfigs(filter: { search: $s }) { id } }', variables: { s: 'x'.repeat(60_000) } }) }],
    ['6,000 unused variables', { body: JSON.stringify({ query: '{ catalogue { version } }', variables: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`v${i}`, i])) }) }],
  ])('%s: a client error, never 500', async (_name, init) => {
    const answer = await raw(init);
    expect(answer.status).toBeLessThan(500);
  });

  it('logged no internal error for any of them', () => {
    expect(logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    expect(QUERY_LIMITS.maxTokens).toBe(4000);
  });
});

describe('failed admin authentication is logged and throttled per address (12.13)', () => {
  it('logs each refusal without the token, then refuses the address for a minute without comparing', async () => {
    const { app, catalogue, logs } = setup({ adminAttemptsPerMinute: 10 });
    const listening = await listen(app);
    try {
      const guesser = client('127.0.0.6');
      const mutation = { query: 'mutation { refreshCatalogue { __typename } }' };
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await guesser.post(listening.base, mutation, { authorization: `Bearer guess-${i}-${'z'.repeat(20)}` })).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      const throttled = await guesser.post(listening.base, mutation, { authorization: `Bearer ${ADMIN}` });
      expect(throttled.status).toBe(429);
      expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
      expect(throttled.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(catalogue.refreshCalls).toBe(0);
      // Another address is not affected, and the admin gets through.
      expect((await client('127.0.0.7').post(listening.base, mutation, { authorization: `Bearer ${ADMIN}` })).json.data).toEqual({ refreshCatalogue: { __typename: 'RefreshCatalogueSuccess' } });
      const refusals = logs.filter((line) => line.includes('admin authentication refused'));
      expect(refusals).toHaveLength(10);
      expect(JSON.parse(refusals[0]!)).toMatchObject({ level: 'warn', client: '127.0.0.6', reason: 'wrong token' });
      expect(logs.filter((line) => line.includes('admin authentication throttled'))).toHaveLength(1);
      for (const line of logs) expect(line).not.toMatch(/guess-\d|abuse-admin-token/);
    } finally {
      await listening.close();
    }
  });
});

describe('a client hanging up mid-body is not a server error (12.14)', () => {
  it('writes no error line and keeps serving', async () => {
    const { app, logs } = setup({ pointsPerSecond: 0 });
    const listening = await listen(app);
    try {
      const { port } = new URL(listening.base);
      for (let i = 0; i < 5; i += 1) {
        await new Promise<void>((resolve) => {
          const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => {
            socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"{ cata');
            setTimeout(() => socket.destroy(), 50);
          });
          socket.on('close', () => resolve());
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await request(`${listening.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ catalogue { version } }"}' })).statusCode).toBe(200);
      expect(logs.filter((line) => /"level":"(error|warn)"/.test(line))).toEqual([]);
      expect(logs.filter((line) => line.includes('client closed the connection'))).toHaveLength(5);
    } finally {
      await listening.close();
    }
  });
});

describe('subscriptions are long-lived, so their number is capped', () => {
  it('refuses a client its 3rd open stream when 2 are allowed, and gives the slot back when one closes', async () => {
    const { app } = setup({ maxSubscriptionsPerClient: 2 });
    const listening = await listen(app);
    const open = () =>
      request(`${listening.base}/graphql?query=${encodeURIComponent('subscription { catalogueUpdated { version } }')}`, { headers: { accept: 'text/event-stream' } });
    try {
      const first = await open();
      const second = await open();
      const third = await open();
      expect(third.statusCode).toBe(429);
      const refusal = await third.body.text();
      expect(refusal).toContain('TOO_MANY_SUBSCRIPTIONS');
      expect(refusal).toContain('Too many open subscriptions (at most 2 per client): close one first.');
      first.body.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await open();
      const reader = again.body[Symbol.asyncIterator]();
      const chunk = await Promise.race([reader.next(), new Promise((resolve) => setTimeout(() => resolve('timeout'), 300))]);
      // The stream is open: no refusal arrives (only keep-alive comments, if anything).
      expect(String((chunk as { value?: Buffer }).value ?? chunk)).not.toContain('TOO_MANY_SUBSCRIPTIONS');
      second.body.destroy();
      again.body.destroy();
    } finally {
      await listening.close();
    }
  });
});
