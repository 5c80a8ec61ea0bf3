import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CONSOLE_ADMIN_TOKEN, CONSOLE_SERVICE_TOKEN, type ServedList } from '../support/console-server.js';
import { clickRow, cost, consoleSuite, ids, modelIds, price, rows, score, tab, text, type ListedConfig } from './console-page.js';
import { screenshot } from './browser.js';

/**
 * Issues 16 and 18: what a model selector shows (authors, lifecycle badges, capabilities, every price
 * with the conditional ones, a cost estimate, dates, benchmarks, retirements) in the console, in real
 * Chromium with no internet. Every number on the page is compared with the API's own answer.
 */

/** A real model with a conditional price (long prompts cost more), from a later real list than the 2026-06-16 one. */
const LUNA = { file: 'excerpts/models-2026-09-22.whichapiapi-3-models.json', id: 'openai/gpt-6-luna' } as const;
const LIST: ServedList = { file: 'models-2026-06-16.json', with: [LUNA] };
/** Operator configs: they name no author; one lists LiteLLM's cost keys, the other no price at all. */
const OPERATOR_CONFIGS = `  - id: -1
    name: GPT-5.1 (Azure)
    provider: AZURE
    model_name: gpt-5.1
    billing_tier: premium
    litellm_params: { input_cost_per_token: 0.00000125, output_cost_per_token: 0.00001, max_input_tokens: 272000 }
  - id: -2
    name: Llama Local
    provider: ollama_chat
    model_name: llama3.3
    router_pool_eligible: false
`;
const UNPRICED = 'llama3.3';
/** A model of the 2026-06-16 list whose family has a newer one: when it leaves the list, that one succeeds it. */
const LEAVING = 'anthropic/claude-sonnet-4.5';

const LIFECYCLES = ['NEW', 'ACTIVE', 'EXPIRING', 'RETIRED'] as const;
// The console's documented labels (console/src/model/capabilities.ts, prices.ts), written out independently.
const CAPABILITY_LABELS = { TOOLS: 'Tool calling', IMAGE_INPUT: 'Image input', REASONING: 'Reasoning', STRUCTURED_OUTPUTS: 'Structured outputs', WEB_SEARCH: 'Web search' } as const;
const OVERRIDE_PRICES = [
  ['prompt', 'Prompt', 'per M tokens'],
  ['completion', 'Completion', 'per M tokens'],
  ['inputCacheRead', 'Cache read', 'per M tokens'],
  ['inputCacheWrite', 'Cache write', 'per M tokens'],
  ['internalReasoning', 'Reasoning tokens', 'per M tokens'],
  ['audio', 'Audio input', 'per M tokens'],
  ['request', 'Request', 'per request'],
] as const;
const PRICES = ['prompt', 'completion', 'inputCacheRead', 'inputCacheWrite', 'inputCacheWriteOneHour', 'internalReasoning', 'audio', 'audioOutput', 'inputAudioCache', 'imageToken', 'imageOutput', 'image', 'request', 'webSearch'] as const;

type Override = Record<(typeof OVERRIDE_PRICES)[number][0], number | null> & { minPromptTokens: number | null; utcStart: string | null; utcEnd: string | null };
interface ApiDetails {
  id: number;
  name: string;
  lifecycle: string;
  releasedAt: string | null;
  knowledgeCutoff: string | null;
  expiresAt: string | null;
  retiredAt: string | null;
  successor: { id: number; name: string } | null;
  pricing: Record<(typeof PRICES)[number], number | null> & { discount: number | null; overrides: Override[] };
  estimate: number | null;
  benchmarks: { source: string; index: string; value: number; rank: number | null; winRate: number | null }[];
}

const DETAILS_QUERY = `query ($id: Int!, $p: Int!, $c: Int!, $cached: Int!, $at: DateTime) { llmConfig(id: $id) { id name lifecycle releasedAt knowledgeCutoff expiresAt retiredAt successor { id name }
  pricing { ${PRICES.join(' ')} discount overrides { minPromptTokens utcStart utcEnd ${OVERRIDE_PRICES.map(([key]) => key).join(' ')} } }
  estimate: estimateCost(promptTokens: $p, completionTokens: $c, cachedPromptTokens: $cached, at: $at) benchmarks { source index value rank winRate } } }`;

const instant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** Escape closes the details; the list behind a modal dialog takes clicks only once it has closed. */
async function closeDetails(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.details')!.open);
}

describe('what a selector shows, in the console', () => {
  const suite = consoleSuite({ pointsPerSecond: 0 }, { list: LIST, operatorConfigs: OPERATOR_CONFIGS });
  const { listed, open } = suite;
  const details = async (id: number, tokens = { p: 10_000, c: 1_000, cached: 0 }) =>
    (await suite.server.graphql<{ llmConfig: ApiDetails }>(DETAILS_QUERY, { id, ...tokens, at: new Date().toISOString() })).llmConfig;

  /** Opens a model's details and checks every price, condition, date, benchmark and the first estimate against the API. */
  async function expectDetailsAsApi(page: Page, api: ApiDetails): Promise<void> {
    await page.waitForFunction((name) => document.querySelector('#details-title')?.textContent === name && document.querySelector('dialog.details [data-field=estimate]'), {}, api.name);
    const field = (name: string) => text(page, `dialog.details [data-field=${name}]`);
    for (const kind of PRICES) {
      const value = api.pricing[kind];
      const shown = await page.$(`dialog.details [data-field=price-${kind}]`);
      if (value == null && kind !== 'prompt' && kind !== 'completion') expect({ kind, shown: shown !== null }).toEqual({ kind, shown: false });
      else expect({ kind, shown: await field(`price-${kind}`) }).toEqual({ kind, shown: price(value) });
    }
    expect(await field('price-discount')).toBe(api.pricing.discount ? `${Number((api.pricing.discount * 100).toFixed(2))}% off every price` : 'none');
    const overrides = await page.$$eval('dialog.details [data-field=override]', (trs) => trs.map((tr) => [tr.querySelector('[data-field=override-condition]')!.textContent, tr.querySelector('[data-field=override-prices]')!.textContent]));
    expect(overrides).toEqual(
      api.pricing.overrides.map((override) => {
        const when = [override.minPromptTokens != null ? `prompts of ${override.minPromptTokens.toLocaleString('en-US')} tokens or more` : null, override.utcStart != null || override.utcEnd != null ? `${override.utcStart ?? '00:00'}–${override.utcEnd ?? '24:00'} UTC` : null].filter(Boolean);
        const sets = OVERRIDE_PRICES.filter(([key]) => override[key] != null).map(([key, label, unit]) => `${label} ${price(override[key])} ${unit}`);
        return [when.length > 0 ? when.join(', ') : 'always', sets.join('; ')];
      }),
    );
    expect(await field('estimate')).toBe(api.estimate == null ? 'unknown' : cost(api.estimate));
    expect(await field('lifecycle')).toMatch(new RegExp(`^${api.lifecycle[0]}${api.lifecycle.slice(1).toLowerCase()}: `));
    expect(await field('released')).toBe(api.releasedAt ? api.releasedAt.slice(0, 10) : '—');
    expect(await field('knowledge-cutoff')).toBe(api.knowledgeCutoff ?? 'unknown');
    expect(await field('expires')).toBe(api.expiresAt ? `${api.expiresAt.slice(0, 10)} (OpenRouter stops serving it)` : 'not announced');
    expect(await field('retired')).toBe(api.retiredAt ? `${instant(api.retiredAt)} (left OpenRouter's list)` : 'no');
    expect(await field('successor')).toBe(api.successor?.name ?? '—');
    const benchmarks = await page.$$eval('dialog.details [data-field=benchmark]', (trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.source, (tr as HTMLElement).dataset.index, ...['value', 'win-rate', 'rank'].map((name) => tr.querySelector(`[data-field=benchmark-${name}]`)!.textContent)]),
    );
    expect(benchmarks).toEqual(api.benchmarks.map((b) => [b.source, b.index, score(b.value), b.winRate == null ? '—' : `${b.winRate.toFixed(2)}%`, b.rank == null ? '—' : String(b.rank)]));
  }

  it("rows are grouped by the API's authors, and the rows per lifecycle and per capability, with their badges and icons, are the API's", async () => {
    const all = await listed();
    const { page, seen } = await open();
    await page.waitForFunction((count) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === count, {}, all.length);
    const shown = (await rows(page)).filter((row) => row.source !== 'AUTO');
    const byId = new Map<number, ListedConfig>(all.map((config) => [config.id, config]));

    for (const stage of LIFECYCLES) {
      const api = await listed({ lifecycle: [stage] });
      expect({ stage, rows: ids(shown.filter((row) => row.lifecycle === stage)) }).toEqual({ stage, rows: ids(api) });
      expect(await text(page, `[data-field=shown-${stage.toLowerCase()}]`)).toBe(String(api.length));
    }
    // The list as served has new and expiring models (the 2026-06-16 list as of today) but none retired yet.
    expect(['NEW', 'EXPIRING'].map((stage) => shown.filter((row) => row.lifecycle === stage).length > 0)).toEqual([true, true]);
    for (const [capability, label] of Object.entries(CAPABILITY_LABELS)) {
      const api = await listed({ capability: [capability] });
      expect(api.length).toBeGreaterThan(0);
      expect({ capability, rows: ids(shown.filter((row) => row.icons.includes(label))) }).toEqual({ capability, rows: ids(api) });
    }

    for (const row of shown) {
      const api = byId.get(row.id)!;
      // Grouped by the API's author; badges as its lifecycle says.
      expect({ id: row.id, author: row.author }).toEqual({ id: row.id, author: api.author ? api.author.slug.toLowerCase() : '~operator' });
      expect({ id: row.id, new: row.badges.new?.text ?? null }).toEqual({ id: row.id, new: api.lifecycle === 'NEW' ? 'New' : null });
      expect({ id: row.id, expiring: row.badges.expiring?.text ?? null }).toEqual({ id: row.id, expiring: api.lifecycle === 'EXPIRING' ? `Expires ${api.expiresAt!.slice(0, 10)}` : null });
    }
    // A group is headed by the API's display name of its author, where one of its models has one.
    const headings = await page.$$eval('[data-author]', (groups) => groups.map((group) => [(group as HTMLElement).dataset.author, group.querySelector('.author')!.firstChild!.textContent!.trim()]));
    for (const [slug, heading] of headings) {
      const names = all.filter((config) => config.author?.slug.toLowerCase() === slug).map((config) => config.author!.name);
      expect({ slug, heading }).toEqual({ slug, heading: slug === '~operator' ? 'Curated by the operator' : (names.find((name) => name !== null) ?? slug) });
    }
    await screenshot(page, 'console-selector-badges');
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("the lifecycle and capability filters narrow the list as the API's filters do", async () => {
    const { page, seen } = await open();
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 100);
    await page.click('input[name=lifecycle][value=ACTIVE]');
    const recent = await listed({ lifecycle: ['NEW', 'EXPIRING', 'RETIRED'] });
    await page.waitForFunction((count) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === count, {}, recent.length);
    expect(await modelIds(page)).toEqual(ids(recent));

    await page.click('input[name=capability][value=IMAGE_INPUT]');
    const seeing = await listed({ lifecycle: ['NEW', 'EXPIRING', 'RETIRED'], capability: ['IMAGE_INPUT'] });
    expect(seeing.length).toBeGreaterThan(0);
    expect(seeing.length).toBeLessThan(recent.length);
    await page.waitForFunction((count) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === count, {}, seeing.length);
    expect(await modelIds(page)).toEqual(ids(seeing));
    expect(await text(page, '[data-field=shown]')).toBe(String(seeing.length));
    await screenshot(page, 'console-selector-filters');

    await page.click('input[name=lifecycle][value=ACTIVE]');
    await page.click('input[name=lifecycle][value=NEW]');
    await page.click('input[name=capability][value=IMAGE_INPUT]');
    await page.click('input[name=capability][value=WEB_SEARCH]');
    const searching = await listed({ lifecycle: ['ACTIVE', 'EXPIRING', 'RETIRED'], capability: ['WEB_SEARCH'] });
    await page.waitForFunction((count) => document.querySelectorAll('[role=option]:not([data-source=AUTO])').length === count, {}, searching.length);
    expect(await modelIds(page)).toEqual(ids(searching));
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the details of a model show its prices with the conditional one and its condition, a cost estimate, dates and benchmarks as the API does', async () => {
    const [luna] = await listed({ search: LUNA.id });
    const api = await details(luna!.id);
    expect(api.pricing.overrides.length).toBeGreaterThan(0);
    const { page, seen } = await open();
    await clickRow(page, luna!.id);
    await expectDetailsAsApi(page, api);
    await page.$eval('dialog.details [data-field=override]', (row) => row.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'console-details-prices');

    // A long prompt, partly cached: the conditional prices apply, as the API's estimate says.
    const [override] = api.pricing.overrides;
    const tokens = { p: override!.minPromptTokens! + 28_000, cached: 100_000, c: 2_000 };
    for (const [name, value] of [['promptTokens', tokens.p], ['cachedPromptTokens', tokens.cached], ['completionTokens', tokens.c]] as const) {
      await page.$eval(`dialog.details input[name=${name}]`, (input) => ((input as HTMLInputElement).value = ''));
      await page.type(`dialog.details input[name=${name}]`, String(value));
    }
    await page.click('dialog.details .estimate button[type=submit]');
    const long = (await details(luna!.id, tokens)).estimate!;
    const byHand = ((tokens.p - tokens.cached) * override!.prompt! + tokens.cached * override!.inputCacheRead! + tokens.c * override!.completion!) / 1e6;
    expect(long).toBeCloseTo(byHand, 12);
    await page.waitForFunction((shown) => document.querySelector('dialog.details [data-field=estimate]')?.textContent === shown, {}, cost(long));
    expect(await text(page, 'dialog.details .estimate p')).toBe(`${cost(long)} for ${tokens.p.toLocaleString('en-US')} prompt tokens (${tokens.cached.toLocaleString('en-US')} from the cache) and ${tokens.c.toLocaleString('en-US')} completion tokens.`);

    // An operator config without prices: they read "unknown", and so does the estimate the API cannot make.
    const [unpriced] = await listed({ search: UNPRICED });
    const unknown = await details(unpriced!.id);
    expect({ prompt: unknown.pricing.prompt, estimate: unknown.estimate }).toEqual({ prompt: null, estimate: null });
    await closeDetails(page);
    await clickRow(page, unpriced!.id);
    await expectDetailsAsApi(page, unknown);
    expect(await text(page, 'dialog.details .estimate p')).toBe('unknown for 10,000 prompt tokens (0 from the cache) and 1,000 completion tokens: a price it needs is unknown.');

    // An expiring model with the most benchmark results: its dates and every result.
    const expiring = await Promise.all((await listed({ lifecycle: ['EXPIRING'] })).map((config) => details(config.id)));
    const rich = expiring.sort((a, b) => b.benchmarks.length - a.benchmarks.length)[0]!;
    expect(rich.benchmarks.length).toBeGreaterThan(0);
    await closeDetails(page);
    await clickRow(page, rich.id);
    await expectDetailsAsApi(page, rich);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("a model's details show it cooling down after the chat backend reports a rate limit, and no longer once it reports OK", async () => {
    const [config] = (await listed()).filter((listedConfig) => listedConfig.source === 'OPENROUTER');
    const report = (outcome: string) =>
      suite.server.graphql<{ reportModelOutcome: { effect: string } }>(`mutation ($id: Int!, $outcome: ModelOutcome!) { reportModelOutcome(configId: $id, outcome: $outcome, retryAfterSeconds: 300) { effect } }`, { id: config!.id, outcome }, CONSOLE_SERVICE_TOKEN);
    await report('RATE_LIMITED');
    try {
      const { llmConfig } = await suite.server.graphql<{ llmConfig: { cooldownUntil: string | null } }>('query ($id: Int!) { llmConfig(id: $id) { cooldownUntil } }', { id: config!.id });
      expect(llmConfig.cooldownUntil).not.toBeNull();
      const { page, seen } = await open();
      await clickRow(page, config!.id);
      await page.waitForSelector('dialog.details[open] [data-badge=cooling-down]');
      expect(await text(page, 'dialog.details [data-badge=cooling-down]')).toBe(`Cooling down until ${llmConfig.cooldownUntil!.slice(11, 19)} UTC`);
      await closeDetails(page);
      await report('OK');
      await clickRow(page, config!.id);
      // The dialog may show the details read before the report until its new read arrives.
      await page.waitForFunction((name) => document.querySelector('#details-title')?.textContent === name && !document.querySelector('dialog.details [data-badge=cooling-down]'), { timeout: 10_000 }, config!.name);
      expect(seen.problems).toEqual([]);
      await page.close();
    } finally {
      await report('OK');
    }
  }, 60_000);

  // Last: it changes what OpenRouter lists for the tests above.
  it('after a refresh to a list where a model is gone, the timeline shows its retirement with its successor, without a reload, and the list its Retired badge', async () => {
    const { page, seen } = await open('#changes');
    await page.waitForSelector('.timeline li.change');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    suite.server.serveList({ ...LIST, without: [LEAVING] });
    const { refreshCatalogue } = await suite.server.graphql<{ refreshCatalogue: { __typename: string; catalogue: { version: number } } }>(
      'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { version } } } }',
      {},
      CONSOLE_ADMIN_TOKEN,
    );
    expect(refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    const { catalogueChanges } = await suite.server.graphql<{ catalogueChanges: { toVersion: number; retired: { id: number; name: string; successor: { name: string } | null }[] }[] }>(
      '{ catalogueChanges(last: 1) { toVersion retired { id name successor { name } } } }',
    );
    const [change] = catalogueChanges;
    expect(change!.toVersion).toBe(refreshCatalogue.catalogue.version);
    const [gone] = change!.retired;
    expect(gone!.successor).not.toBeNull();

    await page.waitForSelector(`.timeline li.change[data-version="${change!.toVersion}"] [data-kind=retired]`, { timeout: 10_000 });
    const entry = `.timeline li.change[data-version="${change!.toVersion}"]`;
    expect(await text(page, `${entry} [data-kind=retired] summary`)).toBe('1 retired');
    await page.click(`${entry} [data-kind=retired] summary`);
    expect(await page.$$eval(`${entry} [data-kind=retired] li`, (items) => items.map((item) => item.textContent))).toEqual([`${gone!.name}: successor ${gone!.successor!.name}`]);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, 'console-changes-retired');

    await tab(page, 'selector');
    const retired = await listed({ lifecycle: ['RETIRED'] });
    expect(ids(retired)).toEqual([gone!.id]);
    await page.waitForSelector(`[role=option][data-id="${gone!.id}"][data-lifecycle=RETIRED]`);
    const row = (await rows(page)).find((candidate) => candidate.id === gone!.id)!;
    expect(row.badges.retired).toEqual({ text: `Retired → ${gone!.successor!.name.replace(/^[^:]+: /, '')}`, title: expect.stringContaining(`Its successor is ${gone!.successor!.name}.`) });
    expect(await text(page, '[data-field=shown-retired]')).toBe('1');
    await page.$eval(`[role=option][data-id="${gone!.id}"]`, (element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'console-selector-retired');

    // Its details say when it left and open its successor.
    await clickRow(page, gone!.id);
    await expectDetailsAsApi(page, await details(gone!.id));
    await page.click('dialog.details [data-field=successor]');
    await page.waitForFunction((name) => document.querySelector('#details-title')?.textContent === name, {}, retired[0]!.successor!.name);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 60_000);
});
