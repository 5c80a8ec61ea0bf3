import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ADMIN_TOKEN, startConsoleServer, type ConsoleServer } from '../support/console-server.js';
import { consoleSuite, rows, STATUS_QUERY, tab, text, WRONG_TOKEN, type Status } from './console-page.js';
import { launchChromium, screenshot, watch } from './browser.js';

/**
 * Issue 18: refreshing from the console (the admin token, every member of the result union, the force
 * confirmation) and the page following new versions live, in real Chromium with no internet.
 */

/** Opens the refresh dialog and waits until its token field is there to type into (a slow page renders it a little later). */
async function askForRefresh(page: Page): Promise<void> {
  await page.click('button.primary');
  await page.waitForSelector('dialog.refresh[open] input[name=admin-token]');
}

describe('refreshing from the console', () => {
  const suite = consoleSuite({ pointsPerSecond: 0 });
  const { status, open } = suite;

  it('a refresh with a wrong token shows the refusal and with the right one the new version; the token is kept nowhere but memory', async () => {
    const before = (await status()).catalogue.version;
    suite.server.serveList('models-2025-12-02.json');
    const { page, seen } = await open();
    await askForRefresh(page);
    await page.type('input[name=admin-token]', WRONG_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-field=refresh-refusal]');
    expect(await text(page, '[data-field=refresh-refusal]')).toBe('Refused: Not authenticated: send "Authorization: Bearer <admin token>" The token was not kept.');
    expect((await status()).catalogue.version).toBe(before);

    await page.type('input[name=admin-token]', CONSOLE_ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-field=refresh-result]', { timeout: 20_000 });
    const after = await status();
    expect(after.catalogue.version).toBeGreaterThan(before);
    expect(await page.$eval('[data-field=refresh-result]', (element) => (element as HTMLElement).dataset.result)).toBe('RefreshCatalogueSuccess');
    // The 2025-12-02 list lacks many models of the 2026-06-16 one: they are retired (in their grace), not removed.
    const { catalogueChanges } = await suite.server.graphql<{ catalogueChanges: { added: unknown[]; retired: unknown[]; removed: unknown[] }[] }>('{ catalogueChanges(last: 1) { added { id } retired { id } removed { id } } }');
    const [change] = catalogueChanges;
    expect({ retired: change!.retired.length > 0, removed: change!.removed.length }).toEqual({ retired: true, removed: 0 });
    expect(await text(page, '[data-field=refresh-result]')).toMatch(new RegExp(`^Refreshed: version ${after.catalogue.version} is served \\(${after.catalogue.counts.total} configs\\)\\. Against version ${before}: ${change!.added.length} added, ${change!.retired.length} retired, `));
    await screenshot(page, 'console-refresh');
    await page.waitForFunction((version) => document.querySelector('[data-field=version]')?.textContent === String(version), {}, after.catalogue.version);

    // Held in memory: a second refresh in this tab does not ask again.
    await page.click('dialog.refresh [data-action=again]');
    expect(await page.$('dialog.refresh input[name=admin-token]')).toBeNull();
    expect(await text(page, 'dialog.refresh form p')).toContain('Using the admin token given earlier in this tab');

    const kept = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      url: location.href,
      cookie: document.cookie,
      dom: document.documentElement.outerHTML,
      databases: JSON.stringify(await indexedDB.databases()),
    }));
    const cookies = JSON.stringify(await page.cookies());
    for (const token of [CONSOLE_ADMIN_TOKEN, WRONG_TOKEN]) {
      for (const [where, value] of Object.entries({ ...kept, cookies, requests: seen.requests.join('\n') })) expect({ where, leaked: value.includes(token) }).toEqual({ where, leaked: false });
    }
    expect(kept).toMatchObject({ local: '{}', session: '{}', url: `${suite.server.base}/console`, cookie: '', databases: '[]' });
    await page.keyboard.press('Escape');

    await tab(page, 'changes');
    await page.waitForSelector(`.timeline li.change[data-version="${after.catalogue.version}"]`);
    expect(await page.$eval('.timeline li.change', (entry) => (entry as HTMLElement).dataset.version)).toBe(String(after.catalogue.version));
    // The refused attempt left the last report alone; the accepted one is shown.
    expect(await text(page, '[data-field=refresh-outcome]')).toBe('ACCEPTED: a new version is served');
    expect(await text(page, '[data-field=refresh-trigger]')).toBe('an admin');
    expect(seen.problems.filter((problem) => !problem.includes('401'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('the timeline gains an entry through the subscription when another client refreshes, without a reload', async () => {
    const { page, seen } = await open('#changes');
    await page.waitForSelector('.timeline li.change');
    const entries = await page.$$eval('.timeline li.change', (items) => items.length);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    suite.server.serveList('models-2026-06-16.json');
    const { refreshCatalogue } = await suite.server.graphql<{ refreshCatalogue: { __typename: string; catalogue: { version: number } } }>(
      'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { version } } } }',
      {},
      CONSOLE_ADMIN_TOKEN,
    );
    expect(refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    const version = refreshCatalogue.catalogue.version;
    await page.waitForSelector(`.timeline li.change[data-version="${version}"]`, { timeout: 10_000 });
    expect(await page.$$eval('.timeline li.change', (items) => items.length)).toBe(entries + 1);
    expect(await text(page, '[data-field=status-version]')).toBe(String(version));
    expect(await text(page, '[data-field=version]')).toBe(String(version));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // The selector list followed too: it lists the new version's models.
    const { catalogue } = await status();
    await tab(page, 'selector');
    expect((await rows(page)).filter((row) => row.source !== 'AUTO').length).toBe(catalogue.counts.total);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('an unavailable OpenRouter is shown as text, and the last refresh report follows without a new version', async () => {
    const before = await status();
    suite.server.failWith(503);
    try {
      const { page, seen } = await open('#changes');
      await askForRefresh(page);
      await page.type('input[name=admin-token]', CONSOLE_ADMIN_TOKEN);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-field=refresh-result]', { timeout: 20_000 });
      expect(await page.$eval('[data-field=refresh-result]', (element) => `${(element as HTMLElement).dataset.result}: ${element.textContent}`)).toMatch(/^UpstreamUnavailableError: /);
      expect(await text(page, '[data-field=refresh-result]')).toMatch(/^Not refreshed: OpenRouter is unavailable \(http-status, HTTP 503, retry after 30 s\)\. .+ The previous catalogue is still served\.$/);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('[data-field=refresh-outcome]')?.textContent?.startsWith('UPSTREAM_UNAVAILABLE'));
      expect(await text(page, '[data-field=refresh-outcome]')).toBe('UPSTREAM_UNAVAILABLE: OpenRouter could not be used; the previous catalogue is still served');
      expect(await text(page, '[data-field=status-version]')).toBe(String(before.catalogue.version));
      expect((await status()).catalogue.version).toBe(before.catalogue.version);
      expect(seen.problems).toEqual([]);
      await page.close();
    } finally {
      suite.server.failWith(null);
    }
  }, 60_000);

  it('a guard rejection shows the guard and the counts, and forcing it asks first', async () => {
    const before = await status();
    suite.server.serveList('excerpts/models-2026-07-30.genai-prices-6-models.json');
    const { page, seen } = await open();
    await askForRefresh(page);
    await page.type('input[name=admin-token]', CONSOLE_ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-field=refresh-result]', { timeout: 20_000 });
    expect(await page.$eval('[data-field=refresh-result]', (element) => `${(element as HTMLElement).dataset.result}: ${element.textContent}`)).toMatch(/^RefreshRejectedError: /);
    // The guard compares with the models the last list kept: retired ones (in their grace, from an earlier test) are not counted.
    const kept = before.catalogue.counts.openRouter - before.catalogue.counts.retired;
    expect(await text(page, '[data-field=refresh-result]')).toMatch(new RegExp(`^Not refreshed: the SHRUNK guard refused the fetched list \\(2 OpenRouter configs fetched, ${kept} served now\\)\\. .+ The previous catalogue is still served\\.$`));
    expect((await status()).catalogue.version).toBe(before.catalogue.version);

    await page.click('dialog.refresh [data-action=force]');
    await page.waitForSelector('#force-question');
    expect(await text(page, '#force-question')).toBe(`Serve the fetched list anyway? It has 2 OpenRouter configs where ${kept} are served now, and the SHRUNK guard refused it.`);
    await screenshot(page, 'console-force');
    await page.click('[data-action=confirm-force]');
    await page.waitForSelector('[data-field=refresh-result][data-result=RefreshCatalogueSuccess]', { timeout: 20_000 });
    const after = await status();
    // The 2 models of the fetched list are served, and every other one retires (served for its grace).
    expect(after.catalogue.counts.openRouter - after.catalogue.counts.retired).toBe(2);
    expect(after.catalogue.counts.retired).toBeGreaterThan(0);
    expect(await text(page, '[data-field=refresh-result]')).toContain(`Refreshed: version ${after.catalogue.version} is served (${after.catalogue.counts.total} configs).`);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the console when the server says it is busy', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    // 600 points per 10 s window: a visit fits, a visit plus a few of the largest queries does not.
    server = await startConsoleServer({ limits: { pointsPerSecond: 60 } });
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it("says so when a read is refused, and reads again after the server's Retry-After, by itself", async () => {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    await page.goto(`${server.base}/console`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 100 && document.querySelector('.live-live') !== null, { timeout: 20_000 });

    // Another client on the same address spends the rest of the window (and more)...
    const heavy = 'query ($s: String) { llmConfigs(filter: { search: $s }) { id name description provider modelName tier contextLength rpm tpm seoSlug seoTitle seoDescription systemInstructions qualityScore qualityScoreStatic qualityScoreHealth healthGated anonymousEnabled routerPoolEligible quotaReserveTokens supportsTools supportsImageInput autoPinTier source pricing { prompt completion } health { score gated bestUptimePct okEndpointCount endpointCount checkedAt } } }';
    for (let i = 0; i < 8; i += 1) await server.graphql(heavy, { s: `x${i}` }).catch(() => undefined);
    // ...when a new version is served: the page's read of it is refused.
    server.serveList('models-2025-12-02.json');
    expect((await server.test.catalogue.refresh({ trigger: 'admin' })).kind).toBe('accepted');
    await page.waitForSelector('p.error[role=alert]', { timeout: 10_000 });
    expect(await page.$eval('p.error[role=alert]', (element) => element.textContent)).toMatch(/^Could not load the catalogue: .+/);

    // Retried after Retry-After, without a reload: the new version's list arrives and the message goes.
    const { catalogue } = await server.graphql<Status>(STATUS_QUERY).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      return server.graphql<Status>(STATUS_QUERY);
    });
    await page.waitForFunction((total) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === total && !document.querySelector('p.error[role=alert]'), { timeout: 25_000 }, catalogue.counts.total);
    // The browser reports each refused request (429) as a console error; nothing else may fail.
    expect(seen.problems.filter((problem) => !problem.includes('status of 429'))).toEqual([]);
    expect(seen.problems.length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
