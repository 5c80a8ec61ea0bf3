import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

describe('over a real socket', () => {
  const catalogue = new FakeCatalogue(null);
  let shuttingDown = false;
  const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: true, isShuttingDown: () => shuttingDown });
  const server = serveDuringSuite(app);

  it('answers liveness always and readiness only once a catalogue is loaded and until shutdown', async () => {
    const live = await request(`${server.base}/healthz`);
    expect(live.statusCode).toBe(200);
    await live.body.dump();
    const notReady = await request(`${server.base}/readyz`);
    expect([notReady.statusCode, await notReady.body.json()]).toEqual([503, { ready: false }]);
    catalogue.version = (await import('../support/fake-catalogue.js')).fixtureVersion();
    const ready = await request(`${server.base}/readyz`);
    expect([ready.statusCode, await ready.body.json()]).toEqual([200, { ready: true }]);
    shuttingDown = true;
    const draining = await request(`${server.base}/readyz`);
    expect([draining.statusCode, await draining.body.json()]).toEqual([503, { ready: false }]);
    shuttingDown = false;
  });

  it('serves GraphQL over POST and GET, GraphiQL to browsers, and 404 elsewhere', async () => {
    const posted = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ catalogue { ready counts { total } } }' }) });
    expect(await posted.body.json()).toEqual({ data: { catalogue: { ready: true, counts: { total: 230 } } } });
    const got = await request(`${server.base}/graphql?query=${encodeURIComponent('{ llmConfig(id: -1) { name } }')}`, { headers: { accept: 'application/json' } });
    expect(await got.body.json()).toEqual({ data: { llmConfig: { name: 'GPT-5.1 (Azure)' } } });
    const page = await request(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('llm-catalogue');
    const missing = await request(`${server.base}/admin`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
  });

  it('refuses a megabyte query with 413 before parsing it, declared or streamed', async () => {
    const query = `{ catalogue { version } } # ${'x'.repeat(1024 * 1024)}`;
    const declared = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(declared.statusCode).toBe(413);
    expect(await declared.body.json()).toEqual({ errors: [{ message: 'Request body too large: at most 65536 bytes are accepted.', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
    // No content-length: the limit must hold while the body streams in.
    const streamed = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from((function* () {
      for (let i = 0; i < 64; i += 1) yield Buffer.alloc(16 * 1024, 32);
    })()) });
    expect(streamed.statusCode).toBe(413);
    expect(await streamed.body.json()).toEqual({ errors: [{ message: 'Request body too large: at most 65536 bytes are accepted.', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
  });

  it('turns GraphiQL off when configured', async () => {
    const quiet = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false });
    const response = await quiet.yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('<html');
  });
});
