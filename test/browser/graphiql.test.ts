import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { GRAPHIQL_TITLE } from '../../src/http/graphiql.js';
import { silentLogger } from '../../src/logger.js';
import { listen, type ListeningApp } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { isLocal, launchChromium, screenshot, watch } from './browser.js';

/**
 * Issue 11: GraphiQL comes from the npm package, so it renders and runs with no internet (every remote
 * host blocked) and under the page's own strict Content-Security-Policy.
 */
describe('GraphiQL in Chromium with no internet', () => {
  const catalogue = new FakeCatalogue();
  let api: ListeningApp;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    api = await listen(createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: true }));
    chromium = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('renders its editor with the selector query, runs it and shows the result; every request stays local', async () => {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    await page.setViewport({ width: 1400, height: 900 });
    const response = await page.goto(`${api.base}/graphql`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'sha256-[^']+'; .*connect-src 'self'/);
    expect(await page.title()).toBe(GRAPHIQL_TITLE);

    // The editor shows the default query: the model selector's.
    await page.waitForSelector('.graphiql-query-editor .monaco-editor, .graphiql-query-editor .CodeMirror', { timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('llmConfigs'), { timeout: 30_000 });

    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"qualityScore"'), { timeout: 30_000 });
    // Monaco renders only the visible lines, with non-breaking spaces.
    const result = (await page.$eval('.graphiql-response', (element) => element.textContent ?? '')).replaceAll('\u00a0', ' ');
    expect(result).toContain('"name": "Auto (Fastest)"');
    expect(result).toMatch(/"tier": "(FREE|PREMIUM)"/);
    await screenshot(page, 'graphiql');

    expect(seen.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(seen.requests.filter((url) => url.startsWith(`${api.base}/graphql`)).length).toBeGreaterThanOrEqual(2); // the page, then introspection and the query
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 90_000);
});
