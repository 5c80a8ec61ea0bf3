import type { HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../src/http/console.js';
import { CONSOLE_ADMIN_TOKEN, startConsoleServer, type ConsoleServer } from '../support/console-server.js';
import { isLocal, launchChromium, screenshot, watch } from './browser.js';

/**
 * Issue 18: the console at /console in real Chromium (every remote host blocked), against a real
 * catalogue fed by a local OpenRouter stand-in with real model lists and real `/endpoints` answers.
 * Every number the page shows is checked against the API's own answer.
 */

interface ListedConfig {
  id: number;
  name: string;
  modelName: string;
  tier: 'FREE' | 'PREMIUM';
  source: string;
  qualityScore: number;
  healthGated: boolean;
  supportsImageInput: boolean;
  pricing: { prompt: number | null; completion: number | null };
  health: { score: number | null; gateReason: string | null } | null;
}

const LIST_QUERY = `query ($filter: LlmConfigFilter) { llmConfigs(filter: $filter, orderBy: QUALITY_DESC) { id name modelName tier source qualityScore healthGated supportsImageInput pricing { prompt completion } health { score gateReason } } }`;
const STATUS_QUERY = '{ catalogue { version counts { total free premium gated openRouter } } }';
const WRONG_TOKEN = 'not-the-admin-token-0123456789';

// The console's documented formats (console/src/model/format.ts), written out independently.
const usd = (value: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
const score = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/**
 * Visible HTML text whose contrast with the background behind it is below WCAG AA: each element with
 * its own text, its colour against the first opaque background among it and its ancestors.
 */
function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (value: number) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const background = (element: Element | null): number[] => {
      for (let current = element; current; current = current.parentElement) {
        const value = channels(getComputedStyle(current).backgroundColor);
        if (value.length === 3 || (value.length === 4 && value[3]! > 0.9)) return value.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element.closest('svg, [hidden], dialog:not([open])') || !(element as HTMLElement).offsetParent) continue;
      if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')) continue;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(channels(style.color).slice(0, 3)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) low.push(`${element.tagName.toLowerCase()}.${element.className}: ${ratio.toFixed(2)} "${element.textContent!.trim().slice(0, 30)}"`);
    }
    return low;
  });
}

type Status = { catalogue: { version: number; counts: { total: number; free: number; premium: number; gated: number; openRouter: number } } };

describe('the console in Chromium with no internet', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    // These tests compress many visits from one address into seconds: the per-client budget is lifted
    // here; the suite below keeps the default.
    server = await startConsoleServer({ limits: { pointsPerSecond: 0 } });
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const status = () => server.graphql<Status>(STATUS_QUERY);
  const listed = async (filter: Record<string, unknown> = {}) => (await server.graphql<{ llmConfigs: ListedConfig[] }>(LIST_QUERY, { filter })).llmConfigs;

  async function open(hash = '', responses?: HTTPResponse[]): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    if (responses) page.on('response', (response) => responses.push(response));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.base}/console${hash}`, { waitUntil: 'load' });
    // Loaded, and the subscription stream open.
    await page.waitForFunction(() => document.querySelector('.live-live') !== null && document.querySelector('[data-field=version]') !== null, { timeout: 20_000 });
    return { page, seen };
  }

  const rows = (page: Page) => page.$$eval('[role=option]', (options) => options.map((option) => ({ id: Number((option as HTMLElement).dataset.id), tier: (option as HTMLElement).dataset.tier, source: (option as HTMLElement).dataset.source })));
  const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
  const tab = async (page: Page, name: string) => {
    await page.click(`#tab-${name}`);
    await page.waitForSelector(`#panel-${name}:not([hidden])`);
  };

  it('loads with no failed request and no console error, under its strict CSP; the rows per tier equal the API counts; every tab is drawn', async () => {
    const responses: HTTPResponse[] = [];
    const { page, seen } = await open('', responses);
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 100);
    const { catalogue } = await status();
    const shown = await rows(page);
    expect(shown[0]).toMatchObject({ id: 0, source: 'AUTO' });
    const models = shown.filter((row) => row.source !== 'AUTO');
    expect({ free: models.filter((row) => row.tier === 'FREE').length, premium: models.filter((row) => row.tier === 'PREMIUM').length, total: models.length }).toEqual({
      free: catalogue.counts.free,
      premium: catalogue.counts.premium,
      total: catalogue.counts.total,
    });
    expect(await text(page, '[data-field=version]')).toBe(String(catalogue.version));
    await screenshot(page, 'console-selector');

    await tab(page, 'health');
    await page.waitForSelector('[data-chart="price and quality scatter"] svg');
    await page.waitForSelector('[data-chart="health score histogram"] svg');
    await screenshot(page, 'console-health');
    await tab(page, 'changes');
    await page.waitForSelector('.timeline, #panel-changes .changes > section p');
    await screenshot(page, 'console-changes');
    await tab(page, 'auto');
    await screenshot(page, 'console-auto');

    const html = responses.find((response) => response.url() === `${server.base}/console`)!;
    expect(html.headers()).toMatchObject({ 'content-security-policy': CONSOLE_CSP, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    const assets = responses.filter((response) => /\/console\/assets\/.+\.(js|css)$/.test(response.url()));
    // The entry script and stylesheet, and the charts chunk loaded with the first chart; names carry a content hash.
    const names = assets.map((response) => response.url().replace(/^.*\/assets\//, ''));
    for (const name of ['console-', 'charts-']) expect(names.some((asset) => asset.startsWith(name) && asset.endsWith('.js'))).toBe(true);
    expect(names.filter((asset) => asset.endsWith('.css'))).toEqual([expect.stringMatching(/^console-[A-Z0-9]{8}\.css$/)]);
    for (const asset of assets) {
      expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    }
    // Page weight: what crossed the wire for scripts and styles, compressed (issue 18: under 150 KB).
    const weight = assets.reduce((sum, response) => sum + Number(response.headers()['content-length']), 0);
    expect(weight).toBeLessThan(150 * 1024);

    // Text keeps a WCAG AA contrast on every view (4.5:1, 3:1 for large text).
    for (const name of ['selector', 'health', 'changes', 'auto']) {
      await tab(page, name);
      expect({ view: name, lowContrast: await lowContrastText(page) }).toEqual({ view: name, lowContrast: [] });
    }

    expect(seen.problems).toEqual([]);
    // Same origin only: nothing but this server (and the page's empty data: icon).
    expect(seen.requests.filter((url) => !url.startsWith(`${server.base}/`) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('a search narrows the list to what the API finds, and the tier and capability filters to their share', async () => {
    const { page, seen } = await open();
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 100);
    await page.type('input[name=search]', 'Claude');
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length < 100);
    const found = await listed({ search: 'Claude' });
    expect(found.length).toBeGreaterThan(0);
    // Auto (Fastest) does not match "claude", so it is not listed.
    expect((await rows(page)).map((row) => row.id).sort()).toEqual(found.map((config) => config.id).sort());
    expect(await text(page, '[data-field=shown]')).toBe(String(found.length));

    await page.$eval('input[name=search]', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('input[name=search]', ' ');
    await page.click('input[name=tier][value=FREE]');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[role=option]')].every((option) => option.dataset.tier === 'FREE'));
    const free = await listed({ tier: 'FREE' });
    expect((await rows(page)).filter((row) => row.source !== 'AUTO').map((row) => row.id).sort()).toEqual(free.map((config) => config.id).sort());

    await page.click('input[name=tier][value=ALL]');
    await page.click('input[name=capability][value=image-input]');
    const withImages = (await listed()).filter((config) => config.supportsImageInput);
    await page.waitForFunction((count) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === count, {}, withImages.length);
    expect((await rows(page)).filter((row) => row.source !== 'AUTO').map((row) => row.id).sort()).toEqual(withImages.map((config) => config.id).sort());
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("one model's details show the same numbers as the API, and the dialog closes with Escape", async () => {
    const all = await listed();
    const chosen = all.find((config) => config.tier === 'PREMIUM' && config.health !== null && !config.healthGated)!;
    const { llmConfig: api } = await server.graphql<{ llmConfig: Record<string, any> }>(
      `query ($id: Int!) { llmConfig(id: $id) { id contextLength pricing { prompt completion } scoreBreakdown { prestige recency priceBand context capabilities operatorBonus penalty staticTotal qualityScore health healthWeight }
        health { score bestUptimePct uptimeWindow okEndpointCount endpointCount checkedAt fromCache } litellmParams } }`,
      { id: chosen.id },
    );
    const { page, seen } = await open();
    await page.waitForSelector(`[role=option][data-id="${chosen.id}"]`);
    await page.click(`[role=option][data-id="${chosen.id}"]`);
    await page.waitForSelector('dialog.details[open] [data-field=price-prompt]');
    await page.waitForSelector('[data-chart="score breakdown"] svg');
    const field = (name: string) => text(page, `dialog.details [data-field=${name}]`);

    expect(await text(page, '#details-title')).toBe(chosen.name);
    expect(await field('price-prompt')).toBe(usd(api.pricing.prompt));
    expect(await field('price-completion')).toBe(usd(api.pricing.completion));
    expect(await field('context')).toBe(`${api.contextLength.toLocaleString('en-US')} tokens`);
    for (const part of ['prestige', 'recency', 'priceBand', 'context', 'capabilities', 'operatorBonus', 'penalty']) expect(await field(`score-${part}`)).toBe(String(api.scoreBreakdown[part]));
    expect(await field('score-static-total')).toBe(String(api.scoreBreakdown.staticTotal));
    expect(await field('score-quality')).toBe(String(api.scoreBreakdown.qualityScore));
    expect(await field('score-health')).toBe(`${score(api.scoreBreakdown.health)} (weight ${api.scoreBreakdown.healthWeight})`);
    expect(await field('health-score')).toBe(score(api.health.score));
    expect(await field('uptime')).toBe(`${api.health.bestUptimePct.toFixed(2)}% (${api.health.uptimeWindow})`);
    expect(await field('endpoints')).toBe(`${api.health.okEndpointCount} of ${api.health.endpointCount}`);
    expect(await field('checked-at')).toContain(api.health.checkedAt);
    expect(await field('from-cache')).toMatch(api.health.fromCache ? /^yes/ : /^no$/);
    expect(await page.$eval('dialog.details [data-field=litellm-params]', (element) => element.textContent)).toBe(JSON.stringify(api.litellmParams, null, 2));
    // The stacked bar draws the non-zero static parts and the two shares of the served score.
    const parts = ['prestige', 'recency', 'priceBand', 'context', 'capabilities', 'operatorBonus', 'penalty'].filter((part) => api.scoreBreakdown[part] !== 0).length;
    expect(await page.$$eval('[data-chart="score breakdown"] g[aria-label="bar"] rect', (bars) => bars.length)).toBe(parts + 2);
    await screenshot(page, 'console-details');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.details')!.open);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(String(chosen.id));
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('health and ranking: a point per priced model, and the gated table lists what the API gates, with its reasons', async () => {
    const all = await listed();
    const { page, seen } = await open('#health');
    await page.waitForSelector('[data-chart="price and quality scatter"] svg g[aria-label="dot"]');
    const priced = all.filter((config) => config.pricing.prompt !== null && config.pricing.prompt >= 0);
    expect(await page.$$eval('[data-chart="price and quality scatter"] g[aria-label="dot"] > *', (dots) => dots.length)).toBe(priced.length);
    expect(await page.$$eval('[data-chart="health score histogram"] g[aria-label="rect"] rect', (bars) => bars.length)).toBeGreaterThan(0);
    const gated = all.filter((config) => config.healthGated).map((config) => [config.id, config.health!.gateReason]);
    expect(gated.length).toBeGreaterThan(0);
    expect(await page.$$eval('table.gated tbody tr', (trs) => trs.map((tr) => [Number((tr as HTMLElement).dataset.id), tr.querySelector<HTMLElement>('[data-field=reason]')!.dataset.reason]))).toEqual(gated);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("the Auto explorer shows the API's pick, its pool in order and the reason", async () => {
    const { autoPick } = await server.graphql<{ autoPick: { chosen: { id: number }; pool: { id: number }[]; reason: string; index: number } }>(
      'query ($t: ID!) { autoPick(threadId: $t, premiumEligible: true) { chosen { id } pool { id } reason index } }',
      { t: 'thread-42' },
    );
    const { page, seen } = await open('#auto');
    await page.type('input[name=thread-id]', 'thread-42');
    await page.click('input[name=premium-eligible]');
    await page.click('.auto-form button[type=submit]');
    await page.waitForSelector('[data-field=auto-chosen]');
    expect(await page.$eval('[data-field=auto-chosen]', (element) => Number((element as HTMLElement).dataset.id))).toBe(autoPick.chosen.id);
    expect(await page.$$eval('table.pool tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.id)))).toEqual(autoPick.pool.map((config) => config.id));
    expect(await page.$eval('table.pool tr[aria-current=true]', (tr) => Number((tr as HTMLElement).dataset.id))).toBe(autoPick.pool[autoPick.index]!.id);
    expect(await text(page, '[data-field=auto-reason]')).toBe(autoPick.reason);
    await screenshot(page, 'console-auto-pick');
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('works from the keyboard: arrow keys move between tabs and through the list, Enter opens the details', async () => {
    const { page, seen } = await open();
    await page.waitForSelector('[role=option]');
    await page.focus('#tab-selector');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute('aria-selected')])).toEqual(['tab-health', 'true']);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-auto');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-selector');
    expect(await page.$eval('#panel-selector', (panel) => (panel as HTMLElement).hidden)).toBe(false);

    // One tab stop for the whole list: Tab from the last filter lands on its active option.
    await page.focus('input[name=hide-gated]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => ({ index: (document.activeElement as HTMLElement).dataset.index, id: (document.activeElement as HTMLElement).dataset.id, selected: document.activeElement?.getAttribute('aria-selected') }));
    expect(focused).toMatchObject({ index: '2', selected: 'true' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.details[open] [data-field=price-prompt]');
    expect(await page.$eval('dialog.details [data-field=price-prompt]', (element) => element.closest('dialog')!.open)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.details')!.open);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(focused.id);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a refresh with a wrong token shows the refusal and with the right one the new version; the token is kept nowhere but memory', async () => {
    const before = (await status()).catalogue.version;
    server.serveList('models-2025-12-02.json');
    const { page, seen } = await open();
    await page.click('button.primary');
    await page.waitForSelector('dialog.refresh[open] input[name=admin-token]');
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
    expect(await text(page, '[data-field=refresh-result]')).toMatch(new RegExp(`^Refreshed: version ${after.catalogue.version} is served \\(${after.catalogue.counts.total} configs\\)\\. Against version ${before}: \\d+ added, \\d+ removed`));
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
    expect(kept).toMatchObject({ local: '{}', session: '{}', url: `${server.base}/console`, cookie: '', databases: '[]' });
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

    server.serveList('models-2026-06-16.json');
    const { refreshCatalogue } = await server.graphql<{ refreshCatalogue: { __typename: string; catalogue: { version: number } } }>(
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
    server.failWith(503);
    try {
      const { page, seen } = await open('#changes');
      await page.click('button.primary');
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
      server.failWith(null);
    }
  }, 60_000);

  it('a guard rejection shows the guard and the counts, and forcing it asks first', async () => {
    const before = await status();
    server.serveList('excerpts/models-2026-07-30.genai-prices-6-models.json');
    const { page, seen } = await open();
    await page.click('button.primary');
    await page.type('input[name=admin-token]', CONSOLE_ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-field=refresh-result]', { timeout: 20_000 });
    expect(await page.$eval('[data-field=refresh-result]', (element) => `${(element as HTMLElement).dataset.result}: ${element.textContent}`)).toMatch(/^RefreshRejectedError: /);
    expect(await text(page, '[data-field=refresh-result]')).toMatch(new RegExp(`^Not refreshed: the SHRUNK guard refused the fetched list \\(2 OpenRouter configs fetched, ${before.catalogue.counts.openRouter} served now\\)\\. .+ The previous catalogue is still served\\.$`));
    expect((await status()).catalogue.version).toBe(before.catalogue.version);

    await page.click('dialog.refresh [data-action=force]');
    await page.waitForSelector('#force-question');
    expect(await text(page, '#force-question')).toBe(`Serve the fetched list anyway? It has 2 OpenRouter configs where ${before.catalogue.counts.openRouter} are served now, and the SHRUNK guard refused it.`);
    await screenshot(page, 'console-force');
    await page.click('[data-action=confirm-force]');
    await page.waitForSelector('[data-field=refresh-result][data-result=RefreshCatalogueSuccess]', { timeout: 20_000 });
    const after = await status();
    expect(after.catalogue.counts.openRouter).toBe(2);
    expect(await text(page, '[data-field=refresh-result]')).toContain(`Refreshed: version ${after.catalogue.version} is served (${after.catalogue.counts.total} configs).`);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the console with the default per-client budget', () => {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startConsoleServer();
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it("a first visit to every view, on a server that has seen none of the console's documents, is never refused", async () => {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    const statuses: number[] = [];
    page.on('response', (response) => statuses.push(response.status()));
    await page.goto(`${server.base}/console`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 100 && document.querySelector('.live-live') !== null, { timeout: 20_000 });
    for (const name of ['health', 'changes', 'auto']) {
      await page.click(`#tab-${name}`);
      await page.waitForSelector(`#panel-${name}:not([hidden])`);
    }
    await page.waitForSelector('[data-chart="health score histogram"] svg');
    await page.waitForSelector('.timeline li.change');
    expect(statuses.filter((code) => code >= 400)).toEqual([]);
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
