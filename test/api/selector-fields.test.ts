import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { buildCatalogue } from '../../src/catalogue/build.js';
import { capabilitiesOf } from '../../src/catalogue/capabilities.js';
import { configAuthor } from '../../src/catalogue/model-family.js';
import { benchmarkIndex } from '../../src/catalogue/query.js';
import { retirementsAfter, withRetired } from '../../src/catalogue/retirement.js';
import type { CatalogueConfig } from '../../src/catalogue/types.js';
import { makeVersion, type CatalogueVersion } from '../../src/catalogue/version.js';
import { parseOperatorConfig } from '../../src/config/operator-config.js';
import { parseModelsPayload } from '../../src/openrouter/models-payload.js';
import { silentLogger } from '../../src/logger.js';
import { execute } from '../support/api.js';
import { FakeCatalogue, OPERATOR_YAML } from '../support/fake-catalogue.js';
import { readFixtureJson } from '../support/fixtures.js';
import { BenchmarksQuery, EstimateCostQuery, LifecycleChangesQuery, SelectorDetailsQuery } from './operations.js';

/**
 * The fields and filters a model selector uses, through Yoga: a catalogue that served the 2025-12-02
 * list and then took the 2026-06-16 list (with the newer model objects of the two excerpts laid over
 * it), so it has retired models, successors, an alias, conditional prices and benchmark indices.
 */

const NOW = 1_781_740_800; // 2026-06-18
const operator = parseOperatorConfig(OPERATOR_YAML, 'test.yaml');
type Raw = { id: string };
const data = (file: string) => readFixtureJson<{ data: Raw[] }>('openrouter', file).data;

function versions(): [CatalogueVersion, CatalogueVersion] {
  const older = buildCatalogue(operator, parseModelsPayload({ data: data('models-2025-12-02.json') }), NOW - 86_400);
  const newer = new Map(data('models-2026-06-16.json').map((model) => [model.id, model]));
  for (const file of ['excerpts/models-2026-07-30.genai-prices-6-models.json', 'excerpts/models-2026-09-22.whichapiapi-3-models.json']) for (const model of data(file)) newer.set(model.id, model);
  const listed = buildCatalogue(operator, parseModelsPayload({ data: [...newer.values()] }), NOW);
  const served = withRetired(listed, retirementsAfter({ configs: older.configs, models: older.models, retired: [] }, listed, NOW * 1000), operator.openRouter, NOW);
  const version = (configs: readonly CatalogueConfig[], number: number) => makeVersion({ version: number, etag: `etag-${number}`, origin: 'live', createdAt: NOW * 1000, fetchedAt: NOW * 1000, enrichedAt: null, configs });
  return [version(older.configs, 1), version(served.configs, 2)];
}

const [before, current] = versions();
const catalogue = new FakeCatalogue(before);
catalogue.publish(current);
const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false });
const all = current.configs;
const byName = (name: string) => all.find((config) => config.modelName === name)!;

async function selector(variables: Parameters<typeof execute<unknown, object>>[2] = {}) {
  const { body } = await execute(app, SelectorDetailsQuery, variables as never);
  expect(body.errors).toBeUndefined();
  return body.data!.llmConfigs;
}

describe('what a selector shows', () => {
  it('serves each model’s author, capabilities, prices, lifecycle and benchmark indices', async () => {
    const configs = await selector();
    expect(configs.map((c) => c.id)).toEqual(all.map((c) => c.id));
    const opus = configs.find((c) => c.modelName === 'anthropic/claude-opus-5')!;
    expect(opus).toMatchObject({
      // Its name, `Claude Opus 5`, carries no author.
      author: { slug: 'anthropic', name: null },
      canonicalSlug: 'anthropic/claude-opus-5-20260723',
      inputModalities: expect.arrayContaining(['TEXT', 'IMAGE']),
      outputModalities: ['TEXT'],
      lifecycle: 'NEW',
      capabilities: { tools: true, reasoning: { mandatory: false, efforts: ['LOW', 'MEDIUM', 'HIGH', 'XHIGH', 'MAX'], defaultEffort: 'HIGH', enabledByDefault: true } },
      pricing: { prompt: 5, completion: 25, inputCacheRead: 0.5, inputCacheWrite: 6.25, webSearch: 0.01, request: null, discount: null, overridesComplete: true, overrides: [] },
      benchmarks: [
        { source: 'ARTIFICIAL_ANALYSIS', index: 'intelligence_index', value: 60.7 },
        { source: 'ARTIFICIAL_ANALYSIS', index: 'coding_index', value: 78 },
        { source: 'ARTIFICIAL_ANALYSIS', index: 'agentic_index', value: 55.3 },
      ],
    });
    expect(opus.releasedAt).toBe(new Date(byName('anthropic/claude-opus-5').releasedAt!).toISOString());
    const luna = configs.find((c) => c.modelName === 'openai/gpt-6-luna')!;
    expect(luna.pricing.overrides).toEqual([{ minPromptTokens: 272000, utcStart: null, utcEnd: null, prompt: 0.2, completion: 0.75, inputCacheRead: 0.02 }]);
    const alias = configs.find((c) => c.modelName === '~google/gemini-pro-latest')!;
    expect(alias.aliasOf).toEqual({ id: byName('google/gemini-3.1-pro-preview').id, modelName: 'google/gemini-3.1-pro-preview' });
    const glm = configs.find((c) => c.modelName === 'z-ai/glm-5.2')!;
    expect(glm).toMatchObject({ defaultParameters: { temperature: 1, topP: 0.95 }, expiresAt: '2098-12-31T00:00:00.000Z', maxCompletionTokens: 131072 });
    // Operator configs: what the file says, null for what only OpenRouter knows.
    expect(configs[0]).toMatchObject({ author: null, canonicalSlug: null, lifecycle: 'ACTIVE', inputModalities: ['TEXT'], capabilities: { tools: true, imageInput: false, reasoning: null }, pricing: { prompt: 1.25, completion: 10, inputCacheRead: null } });
  });

  it('serves retired models with when they left and their successor', async () => {
    const retired = await selector({ filter: { lifecycle: ['RETIRED'] } });
    expect(retired).toHaveLength(62);
    const grok = retired.find((c) => c.modelName === 'x-ai/grok-3')!;
    expect(grok).toMatchObject({ lifecycle: 'RETIRED', retiredAt: new Date(NOW * 1000).toISOString(), successor: { id: byName('x-ai/grok-4.3').id, modelName: 'x-ai/grok-4.3' } });
    expect(retired.find((c) => c.modelName === 'openai/codex-mini')!.successor).toBeNull();
  });

  it('lists every benchmark result with its source, Design Arena ones with win rate and rank', async () => {
    const kimi = byName('moonshotai/kimi-k2.7-code');
    expect(configAuthor(kimi)).toEqual({ slug: 'moonshotai', name: 'MoonshotAI' });
    const id = kimi.id;
    const { body } = await execute(app, BenchmarksQuery, { id });
    const results = body.data!.llmConfig!.benchmarks;
    expect(results.filter((r) => r.source === 'DESIGN_ARENA')).toHaveLength(7);
    expect(results).toContainEqual({ source: 'DESIGN_ARENA', index: 'agents/fullstack', value: 1206, winRate: 51.6, rank: 11 });
    expect((await execute(app, BenchmarksQuery, { id, source: 'DESIGN_ARENA' })).body.data!.llmConfig!.benchmarks).toEqual(results.filter((r) => r.source === 'DESIGN_ARENA'));
  });
});

describe('filters and orders', () => {
  it.each([
    ['author (case-insensitive)', { author: 'Anthropic' }, (c: CatalogueConfig) => configAuthor(c)?.slug === 'anthropic'],
    ['inputModality (every one)', { inputModality: ['IMAGE', 'FILE'] }, (c: CatalogueConfig) => c.inputModalities.includes('image') && c.inputModalities.includes('file')],
    ['minContextLength', { minContextLength: 400_000 }, (c: CatalogueConfig) => (c.contextLength ?? -1) >= 400_000],
    ['maxPromptPrice', { maxPromptPrice: 0.5 }, (c: CatalogueConfig) => c.pricing.prompt !== null && c.pricing.prompt <= 0.5],
    ['capability (every one)', { capability: ['REASONING', 'STRUCTURED_OUTPUTS'] }, (c: CatalogueConfig) => capabilitiesOf(c).includes('reasoning') && capabilitiesOf(c).includes('structured-outputs')],
    ['capability web search', { capability: ['WEB_SEARCH'] }, (c: CatalogueConfig) => c.supportsWebSearch],
    ['lifecycle (any of)', { lifecycle: ['ACTIVE', 'NEW', 'EXPIRING'] }, (c: CatalogueConfig) => c.lifecycle !== 'retired'],
    ['lifecycle EXPIRING', { lifecycle: ['EXPIRING'] }, (c: CatalogueConfig) => c.lifecycle === 'expiring'],
  ])('filters by %s', async (_name, filter, predicate) => {
    const expected = all.filter(predicate).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect((await selector({ filter })).map((c) => c.id)).toEqual(expected);
  });

  it.each([
    ['NEWEST', (c: CatalogueConfig) => c.releasedAt, -1],
    ['PRICE_ASC', (c: CatalogueConfig) => c.pricing.prompt, 1],
    ['CONTEXT_DESC', (c: CatalogueConfig) => c.contextLength, -1],
    ['INTELLIGENCE_INDEX_DESC', (c: CatalogueConfig) => benchmarkIndex(c, 'intelligence'), -1],
    ['CODING_INDEX_DESC', (c: CatalogueConfig) => benchmarkIndex(c, 'coding'), -1],
    ['AGENTIC_INDEX_DESC', (c: CatalogueConfig) => benchmarkIndex(c, 'agentic'), -1],
  ] as const)('orders by %s, configs without the value last in catalogue order', async (orderBy, value, direction) => {
    const ids = (await selector({ orderBy })).map((c) => c.id);
    const values = ids.map((id) => value(current.byId.get(id)!));
    const known = values.filter((v) => v !== null) as number[];
    expect(values.slice(0, known.length).every((v) => v !== null)).toBe(true);
    expect(known).toEqual([...known].sort((a, b) => (a - b) * direction));
    const unknown = ids.slice(known.length);
    expect(unknown).toEqual(all.filter((c) => value(c) === null).map((c) => c.id));
  });

  it.each([
    [{ author: 'x'.repeat(201) }, 'filter.author is longer than 200 characters'],
    [{ minContextLength: -1 }, 'filter.minContextLength must be 0 or more, got -1'],
    [{ maxPromptPrice: -0.5 }, 'filter.maxPromptPrice must be 0 or more, got -0.5'],
  ])('refuses %o with BAD_USER_INPUT', async (filter, message) => {
    const { body } = await execute(app, SelectorDetailsQuery, { filter });
    expect(body).toMatchObject({ data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('estimateCost', () => {
  const gemini = byName('~google/gemini-pro-latest').id;

  it('applies the long-context override and the cache-read price (hand-computed)', async () => {
    // From 200,000 prompt tokens $4 / $18, cache reads $0.40: 200,000 × 4 / 1e6 + 50,000 × 0.40 / 1e6 + 10,000 × 18 / 1e6
    const { body } = await execute(app, EstimateCostQuery, { id: gemini, promptTokens: 250_000, completionTokens: 10_000, cachedPromptTokens: 50_000 });
    expect(body.errors).toBeUndefined();
    expect(body.data!.llmConfig!.estimateCost).toBeCloseTo(1.0, 12);
    const { body: small } = await execute(app, EstimateCostQuery, { id: gemini, promptTokens: 1_000, completionTokens: 1_000 });
    expect(small.data!.llmConfig!.estimateCost).toBeCloseTo(0.002 + 0.012, 12);
  });

  it('is null when a price is unknown (an operator config that names none)', async () => {
    const { body } = await execute(app, EstimateCostQuery, { id: -2, promptTokens: 10, completionTokens: 10 });
    expect(body).toEqual({ data: { llmConfig: { modelName: 'llama3.3', estimateCost: null } } });
  });

  it.each([
    [{ promptTokens: -1, completionTokens: 0 }, 'estimateCost: promptTokens must be 0 or more, got -1'],
    [{ promptTokens: 0, completionTokens: -5 }, 'estimateCost: completionTokens must be 0 or more, got -5'],
    [{ promptTokens: 10, completionTokens: 0, cachedPromptTokens: -1 }, 'estimateCost: cachedPromptTokens must be 0 or more, got -1'],
    [{ promptTokens: 10, completionTokens: 0, cachedPromptTokens: 11 }, 'estimateCost: cachedPromptTokens (11) must not exceed promptTokens (10)'],
  ])('refuses %o with BAD_USER_INPUT', async (args, message) => {
    const { body } = await execute(app, EstimateCostQuery, { id: gemini, ...args });
    expect(body).toMatchObject({ data: { llmConfig: { estimateCost: null } }, errors: [{ message, path: ['llmConfig', 'estimateCost'], extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('refuses a token count past the Int range, as GraphQL does', async () => {
    const { body } = await execute(app, EstimateCostQuery, { id: gemini, promptTokens: 2 ** 31, completionTokens: 0 });
    expect(body.errors?.[0]?.message).toMatch(/Int cannot represent non 32-bit signed integer value/);
  });
});

describe('catalogueChanges', () => {
  it('records retirements with successors, and expirations; counts retired configs', async () => {
    const { body } = await execute(app, LifecycleChangesQuery, { last: 1 });
    expect(body.errors).toBeUndefined();
    const [change] = body.data!.catalogueChanges;
    expect(change!.retired).toHaveLength(62);
    expect(change!.removed).toEqual([]);
    expect(change!.retired.find((r) => r.modelName === 'anthropic/claude-3.5-sonnet')).toMatchObject({ retiredAt: new Date(NOW * 1000).toISOString(), successor: { modelName: 'anthropic/claude-sonnet-4.6' } });
    expect(change!.expiring.map((e) => e.modelName).sort()).toEqual(all.filter((c) => c.lifecycle === 'expiring' && before.configs.every((b) => b.id !== c.id || b.lifecycle !== 'expiring')).map((c) => c.modelName).sort());
    expect(body.data!.catalogue.counts).toEqual({ total: all.length, openRouter: all.length - 2, retired: 62 });
  });
});
