import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { perMillion } from '../src/catalogue/pricing.js';
import { billingTier, exclusionReason, generateOpenRouterConfigs } from '../src/catalogue/generate.js';
import { pythonFloat } from '../src/catalogue/python-float.js';
import { capabilityPoints, contextPoints, priceBandPoints, recencyPoints, scoreOpenRouterModel, scoreOperatorConfig, tinyOrLegacyPenalty } from '../src/catalogue/scoring.js';
import { DEFAULT_OPENROUTER_SETTINGS } from '../src/config/openrouter-settings.js';
import { parseModelsPayload, type OpenRouterModel } from '../src/openrouter/models-payload.js';

const NOW = 1_795_478_400;

/** A model that passes every rule; each test changes one thing. */
function model(overrides: Record<string, unknown> = {}): OpenRouterModel {
  const raw = {
    id: 'openai/gpt-test',
    name: 'GPT Test',
    created: NOW - 10 * 86_400,
    context_length: 128_000,
    architecture: { input_modalities: ['text'], output_modalities: ['text'] },
    supported_parameters: ['tools'],
    pricing: { prompt: '0.000001', completion: '0.000002' },
    ...overrides,
  };
  const parsed = parseModelsPayload({ data: [raw] });
  expect(parsed.dropped).toEqual([]);
  return parsed.models[0]!;
}

describe('filters', () => {
  it('keeps a model at exactly 100,000 context and drops 99,999 and null', () => {
    expect(exclusionReason(model({ context_length: 100_000 }))).toBeNull();
    expect(exclusionReason(model({ context_length: 99_999 }))).toBe('context-below-100k');
    expect(exclusionReason(model({ context_length: null }))).toBe('context-below-100k');
    expect(exclusionReason(model({ context_length: undefined }))).toBe('context-below-100k');
  });

  it('requires output modalities to be exactly ["text"]', () => {
    expect(exclusionReason(model({ architecture: { output_modalities: ['image', 'text'] } }))).toBe('not-text-only-output');
    expect(exclusionReason(model({ architecture: { output_modalities: ['text', 'text'] } }))).toBe('not-text-only-output');
    expect(exclusionReason(model({ architecture: {} }))).toBe('not-text-only-output');
    expect(exclusionReason(model({ architecture: null }))).toBe('not-text-only-output');
  });

  it('requires tools in supported_parameters (missing or null means none)', () => {
    expect(exclusionReason(model({ supported_parameters: ['temperature'] }))).toBe('no-tool-calling');
    expect(exclusionReason(model({ supported_parameters: null }))).toBe('no-tool-calling');
    expect(exclusionReason(model({ supported_parameters: undefined }))).toBe('no-tool-calling');
  });

  it('drops amazon/, excluded ids, -deep-research variants and ids without a provider', () => {
    expect(exclusionReason(model({ id: 'amazon/nova-pro-v1' }))).toBe('excluded-provider');
    expect(exclusionReason(model({ id: 'openrouter/free' }))).toBe('excluded-model');
    expect(exclusionReason(model({ id: 'openai/gpt-4o:extended' }))).toBe('excluded-model');
    expect(exclusionReason(model({ id: 'acme/o9-deep-research:free' }))).toBe('excluded-model');
    expect(exclusionReason(model({ id: 'acme/o9-deep-research-v2' }))).toBeNull();
    expect(exclusionReason(model({ id: 'gpt-no-slash' }))).toBe('no-provider-in-id');
    // "amazon" only counts as the slug before the slash.
    expect(exclusionReason(model({ id: 'acme/amazon-like' }))).toBeNull();
  });
});

describe('tier', () => {
  const tier = (prompt: unknown, completion: unknown, id = 'acme/m') => billingTier(model({ id, pricing: { prompt, completion } }));
  it('is free only for exact "0" strings after trimming, or a :free id', () => {
    expect(tier('0', '0')).toBe('free');
    expect(tier(' 0 ', '0\t')).toBe('free');
    expect(tier('0.0', '0')).toBe('premium');
    expect(tier(undefined, '0')).toBe('premium');
    expect(tier(null, '0')).toBe('premium');
    expect(tier('-1', '-1')).toBe('premium');
    expect(tier(0, 0)).toBe('free');
    expect(tier('0.00001', '0.00002', 'acme/m:free')).toBe('free');
  });
  it('treats missing pricing as premium', () => {
    expect(billingTier(model({ pricing: undefined }))).toBe('premium');
  });
});

describe('static score parts', () => {
  it('recency boundaries, missing and non-positive created', () => {
    const day = 86_400;
    expect(recencyPoints(null, NOW)).toBe(0);
    expect(recencyPoints(0, NOW)).toBe(0);
    expect(recencyPoints(-5, NOW)).toBe(0);
    expect(recencyPoints(NOW - 60 * day, NOW)).toBe(20);
    expect(recencyPoints(NOW - 61 * day, NOW)).toBe(16);
    expect(recencyPoints(NOW - 180 * day - 1, NOW)).toBe(16); // floor: 180.99 days is 180
    expect(recencyPoints(NOW - 181 * day, NOW)).toBe(12);
    expect(recencyPoints(NOW - 1095 * day, NOW)).toBe(3);
    expect(recencyPoints(NOW - 1096 * day, NOW)).toBe(0);
    expect(recencyPoints(NOW + 10 * day, NOW)).toBe(20); // created in the future: age 0
  });
  it('price bands, including unparseable and negative prices', () => {
    expect(priceBandPoints('0.00001', '0.00001')).toBe(15);
    expect(priceBandPoints('0.000005', '0')).toBe(12);
    expect(priceBandPoints('0.000001', '0')).toBe(9);
    expect(priceBandPoints('0.0000003', '0')).toBe(6);
    expect(priceBandPoints('0.00000006', '0')).toBe(4);
    // Binary floating point, same as the original: 5e-8 × 1e6 is 0.049999999999999996, below the 0.05 band.
    expect(priceBandPoints('0.00000005', '0')).toBe(2);
    expect(priceBandPoints('0.00000001', '0')).toBe(2);
    expect(priceBandPoints('0', '0')).toBe(0);
    expect(priceBandPoints('-1', '-1')).toBe(0);
    expect(priceBandPoints(undefined, 'abc')).toBe(0);
    expect(priceBandPoints('abc', '0.00001')).toBe(12);
  });
  it('context, capabilities and the tiny/legacy penalty', () => {
    expect([99_999, 100_000, 128_000, 200_000, 400_000, 1_000_000].map(contextPoints)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(capabilityPoints(['tools', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'])).toBe(5);
    expect(capabilityPoints([])).toBe(0);
    expect(tinyOrLegacyPenalty('google/gemini-2.5-pro-PREVIEW')).toBe(-10);
    expect(tinyOrLegacyPenalty('meta-llama/llama-3.2-3b-instruct')).toBe(-10);
    expect(tinyOrLegacyPenalty('openai/gpt-5')).toBe(0);
  });
  it('clamps to 0..100 and keeps the parts', () => {
    const low = scoreOperatorConfig({ provider: 'nobody', modelName: 'm-base', inputCostPerToken: undefined, outputCostPerToken: undefined, maxInputTokens: null });
    expect(low).toMatchObject({ prestige: 15, operatorBonus: 20, penalty: -10, rawTotal: 25, total: 25 });
    const scored = scoreOpenRouterModel({ id: 'openai/x', created: NOW, contextLength: 1_000_000, promptPrice: '1', completionPrice: '1', supportedParameters: ['tools', 'response_format', 'reasoning'] }, NOW);
    expect(scored.rawTotal).toBe(50 + 20 + 15 + 10 + 5);
    expect(scored.total).toBe(100);
  });
  it('parses prices with Python float() rules', () => {
    expect(pythonFloat(' 1e-6 ')).toBe(1e-6);
    expect(pythonFloat('1_0')).toBe(10);
    expect(pythonFloat('0x10')).toBeNull();
    expect(pythonFloat('')).toBeNull();
    expect(pythonFloat('inf')).toBe(Infinity);
  });
});

describe('generated config fields', () => {
  it('uses the id as name when name is missing, and the original defaults', () => {
    const { configs } = generateOpenRouterConfigs([model({ name: undefined, created: undefined })], DEFAULT_OPENROUTER_SETTINGS, NOW);
    expect(configs[0]).toMatchObject({ name: 'openai/gpt-test', description: 'openai/gpt-test via OpenRouter', rpm: 200, tpm: 1_000_000, autoPinTier: 'B', routerPoolEligible: true });
    expect(configs[0]!.staticBreakdown.recency).toBe(0);
  });
  it('marks image input and converts prices to USD per million tokens', () => {
    const { configs } = generateOpenRouterConfigs(
      [model({ architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] }, pricing: { prompt: '0.0000025', completion: '-1' } })],
      DEFAULT_OPENROUTER_SETTINGS,
      NOW,
    );
    expect(configs[0]!.supportsImageInput).toBe(true);
    expect(configs[0]!.pricing).toMatchObject({ prompt: 2.5, completion: null });
    expect(perMillion('abc')).toBeNull();
  });
  it('gives free models the free limits and pin tier C', () => {
    const { configs } = generateOpenRouterConfigs([model({ id: 'acme/m:free' })], DEFAULT_OPENROUTER_SETTINGS, NOW);
    expect(configs[0]).toMatchObject({ billingTier: 'free', rpm: 20, tpm: 100_000, autoPinTier: 'C', routerPoolEligible: false });
  });
});

describe("the operator's limits on what one list can cost (issue 12.7)", () => {
  const settings = { ...DEFAULT_OPENROUTER_SETTINGS, maxStringLength: 100, maxModels: 3 };

  it('leaves out a model whose id, name or price string is longer than max_string_length', () => {
    const long = 'x'.repeat(101);
    const models = [model({ id: `openai/${long}` }), model({ name: long }), model({ pricing: { prompt: `0.${'0'.repeat(100)}1`, completion: '1' } }), model({ name: 'x'.repeat(100) })];
    const generated = generateOpenRouterConfigs(models, settings, NOW);
    expect(generated.configs.map((config) => config.name)).toEqual(['x'.repeat(100)]);
    expect(generated.excluded).toEqual({ 'string-over-max-length': 3 });
  });

  it('keeps at most max_models, in payload order, without moving the ids of those kept', () => {
    const models = Array.from({ length: 6 }, (_, i) => model({ id: `openai/model-${i}` }));
    const capped = generateOpenRouterConfigs(models, settings, NOW);
    const uncapped = generateOpenRouterConfigs(models, DEFAULT_OPENROUTER_SETTINGS, NOW);
    expect(capped.configs.map((config) => config.modelName)).toEqual(['openai/model-0', 'openai/model-1', 'openai/model-2']);
    expect(capped.configs.map((config) => config.id)).toEqual(uncapped.configs.slice(0, 3).map((config) => config.id));
    expect(capped.excluded).toEqual({ 'over-max-models': 3 });
    expect(capped.models.map((kept) => kept.id)).toEqual(['openai/model-0', 'openai/model-1', 'openai/model-2']);
  });

  it('keeps only the models that made configs for persistence', () => {
    const generated = generateOpenRouterConfigs([model(), model({ id: 'amazon/nova', context_length: 200_000 }), model({ id: 'openai/other' })], DEFAULT_OPENROUTER_SETTINGS, NOW);
    expect(generated.models.map((kept) => kept.id)).toEqual(['openai/gpt-test', 'openai/other']);
  });

  it('the defaults admit every real fixture: nothing is left out by a limit', () => {
    for (const date of ['2025-04-24', '2025-05-23', '2025-12-02', '2026-06-16']) {
      const payload = parseModelsPayload(JSON.parse(readFileSync(new URL(`./fixtures/openrouter/models-${date}.json`, import.meta.url), 'utf8')));
      const generated = generateOpenRouterConfigs(payload.models, DEFAULT_OPENROUTER_SETTINGS, NOW);
      expect(generated.excluded['string-over-max-length'] ?? 0, date).toBe(0);
      expect(generated.excluded['over-max-models'] ?? 0, date).toBe(0);
    }
  });
});
