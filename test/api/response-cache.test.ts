import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp, servedFromResponseCache } from '../../src/app.js';
import { makeVersion } from '../../src/catalogue/version.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';

const ADMIN = 'cache-admin-token-0123456789abcd';
const QUERY = '{ catalogue { version } llmConfigs(filter: { tier: FREE }) { id name } }';

describe('response cache and HTTP caching', () => {
  const catalogue = new FakeCatalogue();
  // No per-client limit: these tests send more than one client's budget from one address.
  const app = createApp({ catalogue, adminToken: ADMIN, logger: silentLogger, graphiql: false, limits: { pointsPerSecond: 0 } });
  const server = serveDuringSuite(app);

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as { data: { catalogue: { version: number } } } };
  };
  const get = async (headers: Record<string, string> = {}) => {
    const response = await request(`${server.base}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', ...headers } });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  };

  it('keeps a response from its second sighting, and answers the very next request after a refresh from the new version', async () => {
    app.responseCache.clear();
    expect((await post(QUERY)).body.data.catalogue.version).toBe(1);
    expect(app.responseCache.stats().entries).toBe(0);
    expect((await post(QUERY)).body.data.catalogue.version).toBe(1);
    expect(app.responseCache.stats().entries).toBe(1);
    const hit = await post(QUERY);
    expect(hit.body.data.catalogue.version).toBe(1);
    expect(hit.headers['cache-control']).toBe('no-cache');
    catalogue.publish(fixtureVersion({ version: 2 }));
    expect((await post(QUERY)).body.data.catalogue.version).toBe(2);
    // A new version with different configs: the very next answer lists them.
    const next = fixtureVersion({ version: 3 });
    const configs = next.configs.filter((c) => c.billingTier !== 'free' || c.id % 2 === 0);
    catalogue.publish(makeVersion({ version: 3, etag: 'etag-3', origin: 'live', createdAt: next.createdAt, fetchedAt: null, enrichedAt: null, configs }));
    const after = (await post(QUERY)).body as unknown as { data: { llmConfigs: { id: number }[] } };
    expect(after.data.llmConfigs.map((c) => c.id)).toEqual(configs.filter((c) => c.billingTier === 'free').map((c) => c.id));
  });

  it('a failed refresh (same version, new report) is visible at once too', async () => {
    const statusQuery = '{ catalogue { lastRefresh { outcome } } }';
    for (let i = 0; i < 3; i += 1) await post(statusQuery);
    catalogue.nextOutcome = async () => ({ kind: 'upstream-unavailable', failureKind: 'timeout', message: 'slow', status: null, retryAfterSeconds: null });
    await post('mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    expect((await post(statusQuery)).body).toEqual({ data: { catalogue: { lastRefresh: { outcome: 'UPSTREAM_UNAVAILABLE' } } } });
    catalogue.nextOutcome = null;
  });

  it('never keeps authenticated requests, mutations, errors or clock-dependent fields', async () => {
    app.responseCache.clear();
    for (let i = 0; i < 3; i += 1) {
      const authed = await post(QUERY, { authorization: `Bearer ${ADMIN}` });
      expect(authed.headers['cache-control']).toBe('no-store');
      expect(authed.headers.etag).toBeUndefined();
    }
    const calls = catalogue.refreshCalls;
    for (let i = 0; i < 3; i += 1) await post('mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    expect(catalogue.refreshCalls).toBe(calls + 3);
    for (let i = 0; i < 3; i += 1) {
      await post('mutation { refreshCatalogue { __typename } }');
      expect((await post('{ llmConfig(id: "x") { id } }')).headers['cache-control']).toBe('no-store');
      // Its value moves with the clock, not with the catalogue.
      expect((await post('{ catalogue { ageSeconds } }')).headers['cache-control']).toBe('no-store');
    }
    expect(app.responseCache.stats().entries).toBe(0);
  });

  it('answers GET queries with an ETag, a revalidating Cache-Control, and 304 on If-None-Match', async () => {
    await get();
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const again = await get({ 'if-none-match': etag });
    expect([again.status, again.text, again.headers.etag]).toEqual([304, '', etag]);
    expect((await get({ 'if-none-match': '"stale"' })).status).toBe(200);
    // A list, or the weak form a compressing proxy sends back, names the same answer.
    for (const header of [`W/${etag}`, `"other", ${etag}`, `"other", W/${etag}`]) {
      const conditional = await get({ 'if-none-match': header });
      expect([conditional.status, conditional.headers.etag]).toEqual([304, etag]);
    }
    // After a refresh the old validator no longer matches.
    catalogue.publish(fixtureVersion({ version: 10 }));
    const refreshed = await get({ 'if-none-match': etag });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.etag).toBeUndefined(); // first sighting under the new state: not kept yet
    expect(JSON.parse(refreshed.text).data.catalogue.version).toBe(10);
    expect((await get()).headers.etag).not.toBe(etag);
  });

  it('counts keys in its bound: keys are digests, so 60 KB requests cost no more than small ones (issue 12.8)', async () => {
    app.responseCache.clear();
    const padding = 'x'.repeat(60 * 1024);
    for (let i = 0; i < 40; i += 1) {
      const query = `{ catalogue { version } } # ${i} ${padding}`;
      await post(query);
      await post(query);
    }
    const { entries, bytes } = app.responseCache.stats();
    expect(entries).toBe(40);
    // Each entry: a ~40-byte body, a 45-byte key and fixed bookkeeping; the 60 KB request text is kept nowhere.
    expect(bytes).toBeLessThan(40 * 1024);
  });
});

describe('servedFromResponseCache, for logging and metrics plugins', () => {
  it('is true exactly for requests answered from the cache (replayed or 304)', async () => {
    const app = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false });
    const served: boolean[] = [];
    for (let i = 0; i < 3; i += 1) {
      const request = new Request('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      await (await app.yoga.fetch(request)).text();
      served.push(servedFromResponseCache(request));
    }
    expect(served).toEqual([false, false, true]);
    const url = `http://test/graphql?query=${encodeURIComponent(QUERY)}`;
    let etag = '';
    for (let i = 0; i < 2; i += 1) etag = (await app.yoga.fetch(url, { headers: { accept: 'application/json' } })).headers.get('etag') ?? '';
    const conditional = new Request(url, { headers: { accept: 'application/json', 'if-none-match': etag } });
    expect((await app.yoga.fetch(conditional)).status).toBe(304);
    expect(servedFromResponseCache(conditional)).toBe(true);
  });
});
