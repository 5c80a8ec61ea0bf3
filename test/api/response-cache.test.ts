import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { makeVersion } from '../../src/catalogue/version.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';

const ADMIN = 'cache-admin-token-0123456789abcd';
const QUERY = '{ catalogue { version } llmConfigs(filter: { tier: FREE }) { id name } }';

describe('response cache and HTTP caching', () => {
  const catalogue = new FakeCatalogue();
  const app = createApp({ catalogue, adminToken: ADMIN, logger: silentLogger, graphiql: false });
  const server = serveDuringSuite(app);

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as { data: { catalogue: { version: number } } } };
  };
  const get = async (headers: Record<string, string> = {}) => {
    const response = await request(`${server.base}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', ...headers } });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  };

  it('serves repeated queries from the cache and the very next response after a refresh from the new version', async () => {
    expect((await post(QUERY)).body.data.catalogue.version).toBe(1);
    expect(app.responseCache.size).toBe(0); // kept from its second sighting on
    expect((await post(QUERY)).body.data.catalogue.version).toBe(1);
    expect(app.responseCache.size).toBe(1);
    expect((await post(QUERY)).body.data.catalogue.version).toBe(1);
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
    const before = await post(statusQuery);
    catalogue.nextOutcome = async () => ({ kind: 'upstream-unavailable', failureKind: 'timeout', message: 'slow', status: null, retryAfterSeconds: null });
    await post('mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    const after = await post(statusQuery);
    expect(after.body).not.toEqual(before.body);
    expect(after.body).toEqual({ data: { catalogue: { lastRefresh: { outcome: 'UPSTREAM_UNAVAILABLE' } } } });
    catalogue.nextOutcome = null;
  });

  it('never caches authenticated requests, mutations or errors', async () => {
    app.responseCache.get('reset', 'x'); // empties the cache
    await post(QUERY, { authorization: `Bearer ${ADMIN}` });
    await post(QUERY, { authorization: `Bearer ${ADMIN}` });
    await post(QUERY, { authorization: 'Bearer wrong' });
    const authed = await post(QUERY, { authorization: `Bearer ${ADMIN}` });
    expect(authed.headers['cache-control']).toBe('no-store');
    const calls = catalogue.refreshCalls;
    await post('mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    await post('mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    expect(catalogue.refreshCalls).toBe(calls + 2);
    for (let i = 0; i < 2; i += 1) {
      await post('mutation { refreshCatalogue { __typename } }');
      await post('{ llmConfig(id: "x") { id } }');
      // Its value moves with the clock, not with the catalogue.
      await post('{ catalogue { ageSeconds } }');
    }
    expect(app.responseCache.size).toBe(0);
  });

  it('answers GET queries with an ETag, a revalidating Cache-Control, and 304 on If-None-Match', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const again = await get({ 'if-none-match': etag });
    expect([again.status, again.text]).toEqual([304, '']);
    expect((await get({ 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get({ 'if-none-match': '"stale"' })).status).toBe(200);
    // After a refresh the old validator no longer matches.
    catalogue.publish(fixtureVersion({ version: 10 }));
    const refreshed = await get({ 'if-none-match': etag });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.etag).not.toBe(etag);
  });
});
