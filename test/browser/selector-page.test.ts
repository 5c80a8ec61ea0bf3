import { createServer, type Server } from 'node:http';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { listen, type ListeningApp } from '../support/api.js';
import { makeCatalogue, type TestCatalogue } from '../support/test-catalogue.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { FakeUpstream } from '../support/upstream.js';
import { isLocal, launchChromium, screenshot, watch } from './browser.js';

/**
 * Issue 11: a model selector page served from another origin (another local port) reads the catalogue
 * the way browser GraphQL clients do (POST with JSON, GET), and follows `catalogueUpdated` over SSE
 * while an admin refreshes against the local fake upstream. Real Chromium, every remote host blocked.
 */

const ADMIN = 'browser-admin-token-0123456789abcdef';
const QUERY = 'query FreeModels { llmConfigs(filter: { tier: FREE }, orderBy: QUALITY_DESC) { id name } }';

function selectorPage(api: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Model selector</title>
<style>body { font: 14px sans-serif; margin: 16px } section { display: inline-block; vertical-align: top; width: 30% }</style></head>
<body>
<section><h2>POST</h2><ol id="post"></ol></section>
<section><h2>GET</h2><ol id="get"></ol></section>
<section><h2>catalogueUpdated</h2><ol id="updates"></ol></section>
<script>
const API = ${JSON.stringify(`${api}/graphql`)};
const QUERY = ${JSON.stringify(QUERY)};
function render(id, body) {
  const list = document.getElementById(id);
  list.replaceChildren(...body.data.llmConfigs.map((config) => Object.assign(document.createElement('li'), { textContent: config.name, title: String(config.id) })));
}
async function load() {
  // Three times each: a first answer, the one the cache keeps, and a cached one.
  for (let i = 0; i < 3; i += 1) {
    const posted = await fetch(API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    render('post', await posted.json());
    const got = await fetch(API + '?query=' + encodeURIComponent(QUERY), { headers: { accept: 'application/json' } });
    render('get', await got.json());
  }
  document.body.dataset.loaded = 'yes';
}
const updates = new EventSource(API + '?query=' + encodeURIComponent('subscription { catalogueUpdated { version counts { free } } }'));
updates.onopen = () => (document.body.dataset.sse = 'open');
updates.addEventListener('next', (event) => {
  const { data } = JSON.parse(event.data);
  document.getElementById('updates').append(Object.assign(document.createElement('li'), { textContent: 'version ' + data.catalogueUpdated.version + ': ' + data.catalogueUpdated.counts.free + ' free' }));
});
load().catch((error) => (document.body.dataset.loaded = 'failed: ' + error.message));
</script>
</body></html>`;
}

describe('a model selector page on another origin, in Chromium', () => {
  const upstream = new FakeUpstream();
  let test: TestCatalogue;
  let api: ListeningApp;
  let pageServer: Server;
  let pageOrigin = '';
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    let call = 0;
    const lists = [readFixtureBytes('openrouter', 'models-2025-12-02.json'), readFixtureBytes('openrouter', 'models-2026-06-16.json')];
    upstream.route('/api/v1/models', (_req, res) => res.end(lists[Math.min(call++, 1)]));
    await upstream.start();
    test = makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  max_shrink_fraction: 1\n' });
    test.catalogue.parts.scheduler.setEnabled(false);
    await test.catalogue.start();
    api = await listen(createApp({ catalogue: test.catalogue, adminToken: ADMIN, logger: test.logger, graphiql: false }));
    pageServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(selectorPage(api.base));
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://localhost:${(pageServer.address() as { port: number }).port}`;
    chromium = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
    await api?.close();
    await test?.close();
    await upstream.stop();
  });

  it('lists the FREE models with POST and with GET, and receives catalogueUpdated after an admin refresh', async () => {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(pageOrigin, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined && document.body.dataset.sse === 'open', { timeout: 20_000 });
    expect(await page.evaluate(() => document.body.dataset.loaded)).toBe('yes');

    const free = test.catalogue.current()!.configs.filter((config) => config.billingTier === 'free');
    const listed = (id: string) => page.$$eval(`#${id} li`, (items) => items.map((item) => Number(item.getAttribute('title'))));
    expect((await listed('post')).sort()).toEqual(free.map((config) => config.id).sort());
    expect(await listed('get')).toEqual(await listed('post'));

    const refreshed = await request(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query: 'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { version counts { free } } } } }' }),
    });
    const { data } = (await refreshed.body.json()) as { data: { refreshCatalogue: { __typename: string; catalogue: { version: number; counts: { free: number } } } } };
    expect(data.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    await page.waitForSelector('#updates li', { timeout: 10_000 });
    expect(await page.$$eval('#updates li', (items) => items.map((item) => item.textContent))).toEqual([`version ${data.refreshCatalogue.catalogue.version}: ${data.refreshCatalogue.catalogue.counts.free} free`]);
    await screenshot(page, 'selector-page');

    expect(seen.problems).toEqual([]);
    expect(seen.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(seen.requests.some((url) => url.startsWith(api.base))).toBe(true);
    await page.close();
  }, 60_000);
});
