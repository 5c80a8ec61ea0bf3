import { createHash } from 'node:crypto';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp, QUERY_LIMITS } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

/**
 * The response cache's replay hook answers repeated requests before Yoga parses them. It must be
 * invisible: the same app with and without it answers every request of this matrix with the same
 * status, body and headers (all but `date`), on the first sighting, the second (kept) and the third
 * (replayed). The matrix crosses methods, Accept types, Origins and kinds of answer.
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
  'variable error': { query: SELECTOR, variables: { probe: 'x' } },
};
const ACCEPTS = [undefined, 'application/json', 'application/graphql-response+json', '*/*', 'application/graphql-response+json, application/json;q=0.9'];
const ORIGINS = [undefined, 'http://a.example', 'http://b.example'];

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

describe('the replay hook answers exactly as the full Yoga path', () => {
  // No per-client limit: the two apps would spend their budgets at different moments.
  const withReplay = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false, limits: { pointsPerSecond: 0 } });
  const withoutReplay = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false, replayCachedResponses: false, limits: { pointsPerSecond: 0 } });
  const a = serveDuringSuite(withReplay);
  const b = serveDuringSuite(withoutReplay);

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

  it.each(Object.keys(PAYLOADS))('%s: every method, Accept and Origin, three times each', async (name) => {
    const payload = PAYLOADS[name]!;
    for (const method of ['GET', 'POST'] as const) {
      for (const accept of ACCEPTS) {
        for (const origin of ORIGINS) {
          for (let sighting = 1; sighting <= 3; sighting += 1) {
            const replayed = await send(a.base, method, payload, accept, origin);
            const full = await send(b.base, method, payload, accept, origin);
            expect(replayed, `${method} accept=${accept} origin=${origin} sighting ${sighting}`).toEqual(full);
          }
        }
      }
    }
  });

  it('did replay: repeated successes were answered by the hook, not by Yoga', () => {
    // 3 successful payloads × 2 methods × 5 Accept values; the third sighting of each (Origin aside) and after.
    expect(withReplay.responseCache.stats().replayed).toBeGreaterThanOrEqual(3 * 2 * 5);
    expect(withoutReplay.responseCache.stats().replayed).toBe(0);
  });
});
