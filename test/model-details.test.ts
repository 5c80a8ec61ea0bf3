import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/catalogue/build.js';
import { capabilitiesOf, type Capability } from '../src/catalogue/capabilities.js';
import { configAuthor } from '../src/catalogue/model-family.js';
import { estimateCost } from '../src/catalogue/cost-estimate.js';
import { priceSheet } from '../src/catalogue/pricing.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { MAX_ARENA_RESULTS } from '../src/openrouter/model-benchmarks.js';
import { NO_DETAILS } from '../src/openrouter/model-details.js';
import { MAX_PRICE_OVERRIDES } from '../src/openrouter/model-prices.js';
import { parseModelsBody, parseModelsPayload } from '../src/openrouter/models-payload.js';
import { readFixtureBytes, readFixtureJson } from './support/fixtures.js';

/** Every real list: the four full ones and the two excerpts (the only ones with `overrides` and `reasoning` objects). */
const LISTS = ['models-2025-04-24.json', 'models-2025-05-23.json', 'models-2025-12-02.json', 'models-2026-06-16.json', 'excerpts/models-2026-07-30.genai-prices-6-models.json', 'excerpts/models-2026-09-22.whichapiapi-3-models.json'];
const NOW = 1_795_478_400;
const operator = parseOperatorConfig('', 'test.yaml');

type Raw = Record<string, any>;

/** The catalogue of a real list, and the raw model objects behind its configs (by id). */
function catalogueOf(file: string): { configs: CatalogueConfig[]; raw: Map<string, Raw> } {
  const configs = buildCatalogue(operator, parseModelsBody(readFixtureBytes('openrouter', file)), NOW).configs.filter((config) => config.source === 'openrouter');
  const raw = new Map(readFixtureJson<{ data: Raw[] }>('openrouter', file).data.map((model) => [model.id as string, model]));
  return { configs, raw };
}

/** Each capability read straight from a raw OpenRouter model object, without the server's code. */
const RAW_CAPABILITY: Record<Capability, (model: Raw) => boolean> = {
  tools: (model) => (model.supported_parameters ?? []).includes('tools'),
  'image-input': (model) => (model.architecture?.input_modalities ?? []).includes('image'),
  reasoning: (model) => ['reasoning', 'include_reasoning', 'reasoning_effort'].some((p) => (model.supported_parameters ?? []).includes(p)) || model.reasoning?.mandatory === true,
  'structured-outputs': (model) => (model.supported_parameters ?? []).includes('structured_outputs'),
  'web-search': (model) => (model.supported_parameters ?? []).includes('web_search_options'),
};

const count = <T>(items: readonly T[], predicate: (item: T) => boolean) => items.filter(predicate).length;

describe('what a selector shows, on every real list', () => {
  for (const file of LISTS) {
    it(`${file}: counts per capability, per input modality and with conditional prices match the raw payload`, () => {
      const { configs, raw } = catalogueOf(file);
      const models = configs.map((config) => raw.get(config.modelName)!);
      expect(models.every(Boolean)).toBe(true);
      for (const capability of Object.keys(RAW_CAPABILITY) as Capability[]) {
        expect(count(configs, (config) => capabilitiesOf(config).includes(capability)), `${capability}`).toBe(count(models, RAW_CAPABILITY[capability]));
      }
      for (const modality of ['text', 'image', 'file', 'audio', 'video'] as const) {
        expect(count(configs, (config) => config.inputModalities.includes(modality)), `input ${modality}`).toBe(count(models, (model) => (model.architecture?.input_modalities ?? []).includes(modality)));
      }
      expect(count(configs, (config) => priceSheet(config).overrides.length > 0), 'conditional prices').toBe(count(models, (model) => Array.isArray(model.pricing?.overrides) && model.pricing.overrides.length > 0));
      expect(count(configs, (config) => config.details.artificialAnalysis !== null), 'benchmark indices').toBe(count(models, (model) => Object.values(model.benchmarks?.artificial_analysis ?? {}).some((v) => typeof v === 'number')));
      expect(count(configs, (config) => config.expiresAt !== null), 'expiration dates').toBe(count(models, (model) => typeof model.expiration_date === 'string'));
      expect(count(configs, (config) => config.details.knowledgeCutoff !== null), 'knowledge cutoffs').toBe(count(models, (model) => typeof model.knowledge_cutoff === 'string'));
      for (const [config, model] of configs.map((c, i) => [c, models[i]!] as const)) {
        expect(config.details.canonicalSlug).toBe(model.canonical_slug ?? null);
        expect(config.maxCompletionTokens).toBe(model.top_provider?.max_completion_tokens ?? null);
        expect(config.outputModalities).toEqual(['text']);
        expect(configAuthor(config)?.slug).toBe((model.id as string).replace(/^~/, '').split('/')[0]);
        expect(config.releasedAt).toBe(model.created * 1000);
        // Every price OpenRouter sends is served, per million tokens (or per unit for requests, images and searches).
        const sheet = priceSheet(config);
        if (model.pricing.input_cache_read !== undefined) expect(sheet.inputCacheRead).toBeCloseTo(Number(model.pricing.input_cache_read) * 1e6, 9);
        if (model.pricing.web_search !== undefined) expect(sheet.webSearch).toBeCloseTo(Number(model.pricing.web_search), 12);
      }
    });
  }

  it('2026-06: names the author from the model name, serves knowledge cutoffs as days and Design Arena results with their rank', () => {
    const { configs } = catalogueOf('models-2026-06-16.json');
    const glm = configs.find((config) => config.modelName === 'z-ai/glm-5.2')!;
    expect(configAuthor(glm)).toEqual({ slug: 'z-ai', name: 'Z.ai' });
    expect(glm.details.defaultParameters).toEqual({ temperature: 1, topP: 0.95, topK: null, frequencyPenalty: null, presencePenalty: null, repetitionPenalty: null });
    expect(glm.expiresAt).toBe(Date.UTC(2098, 11, 31));
    expect(glm.lifecycle).toBe('active');
    const withArena = configs.find((config) => config.details.designArena !== null)!;
    expect(withArena.details.designArena!.scores.length).toBe(3 * withArena.details.designArena!.names.length);
    expect(configs.filter((config) => config.details.knowledgeCutoff !== null).every((config) => /^\d{4}-\d{2}-\d{2}$/.test(config.details.knowledgeCutoff!))).toBe(true);
  });

  it('the 2026-09 excerpt: reasoning efforts, an alias target and a long-context override', () => {
    const { configs } = catalogueOf('excerpts/models-2026-09-22.whichapiapi-3-models.json');
    const luna = configs.find((config) => config.modelName === 'openai/gpt-6-luna')!;
    expect(luna.reasoning).toEqual({ mandatory: false, efforts: ['none', 'low', 'medium', 'high', 'xhigh', 'max'], defaultEffort: 'medium', enabledByDefault: true });
    expect(priceSheet(luna).overrides).toEqual([{ minPromptTokens: 272_000, utcStart: null, utcEnd: null, prices: { prompt: 0.2, completion: 0.75, inputCacheRead: 0.02, inputCacheWrite: 0.25 } }]);
    const alias = configs.find((config) => config.modelName === '~deepseek/deepseek-pro-latest')!;
    expect(alias.details.aliasTarget).toBe('deepseek/deepseek-v4-pro-0813');
    expect(configAuthor(alias)).toEqual({ slug: 'deepseek', name: 'DeepSeek' });
  });
});

/** One model that passes every rule, with `extra` fields merged in. */
function parsedOne(extra: Raw) {
  const parsed = parseModelsPayload({ data: [{ id: 'acme/m', name: 'Acme: M', context_length: 200_000, architecture: { output_modalities: ['text'] }, supported_parameters: ['tools'], pricing: { prompt: '0.000001', completion: '0.000002' }, ...extra }] });
  expect(parsed.dropped).toEqual([]);
  return parsed.models[0]!;
}

describe('malformed or unservable facts are left out, never the model', () => {
  it('each bad fact becomes null (or is left out of its list) and the model is kept', () => {
    const model = parsedOne({
      canonical_slug: 'acme/m-\udc00',
      hugging_face_id: 42,
      top_provider: { max_completion_tokens: 3e9 },
      knowledge_cutoff: '2026-02-30',
      expiration_date: 'soon',
      alias_target: { slug: 'acme/\u001b[2J' },
      reasoning: { mandatory: 'yes', supported_efforts: ['high', 'ludicrous', 7, 'high'], default_effort: 'ludicrous' },
      default_parameters: { temperature: 'hot', top_p: 1e400 },
      architecture: { output_modalities: ['text'], input_modalities: ['text', 'hologram', 'image'] },
      benchmarks: { artificial_analysis: { intelligence_index: 'high' }, design_arena: [{ arena: 'models', category: 'web/site', elo: 1300 }, { arena: 'models', category: '3d', elo: 'x' }, 'nope'] },
      pricing: { prompt: '0.000001', completion: '0.000002', discount: 2, input_cache_read: { usd: 1 } },
    });
    // Only the one effort it knows survives; everything else is null.
    expect(model.details).toEqual({ ...NO_DETAILS, reasoning: { mandatory: null, enabledByDefault: null, efforts: ['high'], defaultEffort: null } });
    expect(model.inputModalities).toEqual(['text', 'image']);
  });

  it('an override with a condition it cannot read is left out and counted, so estimateCost answers null', () => {
    const overrides = [
      { min_prompt_tokens: -5, prompt: '0.000002' },
      { min_prompt_tokens: 1.5, prompt: '0.000002' },
      { utc_start: '25:00', utc_end: '02:00', prompt: '0.000002' },
      { utc_start: '01:00', prompt: '0.000002' },
      { prompt: '0.000002' },
      { min_prompt_tokens: 1000, min_completion_tokens: 10, prompt: '0.000002' },
      { min_prompt_tokens: 1000, prompt: null },
      'cheap',
      { min_prompt_tokens: 200_000, prompt: '0.000002' },
    ];
    const model = parsedOne({ pricing: { prompt: '0.000001', completion: '0.000002', overrides } });
    expect(model.details.priceConditions).toEqual({ discount: null, overrides: [{ minPromptTokens: 200_000, utcStart: null, utcEnd: null, prices: { prompt: '0.000002' } }], unreadableOverrides: 8 });
    const config = buildCatalogue(operator, { models: [model], dropped: [] }, NOW).configs[0]!;
    expect(priceSheet(config).overridesComplete).toBe(false);
    expect(estimateCost(priceSheet(config), { promptTokens: 10, completionTokens: 10, cachedPromptTokens: 0, at: null })).toBeNull();
  });

  it('lists are bounded: at most 16 overrides and 32 Design Arena results are kept', () => {
    const model = parsedOne({
      pricing: { prompt: '0', completion: '0', overrides: Array.from({ length: 1000 }, (_, i) => ({ min_prompt_tokens: i, prompt: '0.000001' })) },
      benchmarks: { design_arena: Array.from({ length: 100_000 }, (_, i) => ({ arena: 'models', category: `c${i}`, elo: 1000 + i, win_rate: 50, rank: i + 1 })) },
    });
    expect(model.details.priceConditions!.overrides).toHaveLength(MAX_PRICE_OVERRIDES);
    expect(model.details.priceConditions!.unreadableOverrides).toBe(1000 - MAX_PRICE_OVERRIDES);
    expect(model.details.designArena!.names).toHaveLength(MAX_ARENA_RESULTS);
  });

  it('strings over max_string_length are left out when the model is kept: a slug becomes null, a long price text an unknown price', () => {
    const long = 'x'.repeat(150);
    const model = parsedOne({ canonical_slug: `acme/${long}`, hugging_face_id: 'acme/M', pricing: { prompt: '0.000001', completion: '0.000002', input_cache_read: `0.${'0'.repeat(150)}1`, web_search: '0.01' } });
    const settings = parseOperatorConfig('openrouter_integration:\n  max_string_length: 100\n', 'test.yaml');
    const built = buildCatalogue(settings, { models: [model], dropped: [] }, NOW);
    const config = built.configs[0]!;
    expect(config.details.canonicalSlug).toBeNull();
    expect(config.details.huggingFaceId).toBe('acme/M');
    expect(priceSheet(config)).toMatchObject({ inputCacheRead: null, webSearch: 0.01 });
    // What is persisted is the bounded model too.
    expect(JSON.stringify(built.models)).not.toContain(long);
  });

  it('prices that are unknown or absurd are null: -1, negative, unparseable, or overflowing to Infinity', () => {
    const model = parsedOne({ pricing: { prompt: '-1', completion: '1e308', input_cache_read: '-0.5', web_search: 'free', request: '1e400', image: 1e308, discount: 0.25 } });
    const config = buildCatalogue(operator, { models: [model], dropped: [] }, NOW).configs[0]!;
    expect(priceSheet(config)).toMatchObject({ prompt: null, completion: null, inputCacheRead: null, webSearch: null, request: null, image: 1e308, discount: 0.25 });
    expect(estimateCost(priceSheet(config), { promptTokens: 1, completionTokens: 1, cachedPromptTokens: 0, at: null })).toBeNull();
  });
});
