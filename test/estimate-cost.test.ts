import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/catalogue/build.js';
import { estimateCost, inUtcWindow, type CostQuery } from '../src/catalogue/cost-estimate.js';
import { priceSheet } from '../src/catalogue/pricing.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsBody, parseModelsPayload } from '../src/openrouter/models-payload.js';
import { readFixtureBytes } from './support/fixtures.js';

const NOW = 1_795_478_400;
const operator = parseOperatorConfig('', 'test.yaml');

function realConfig(file: string, modelName: string): CatalogueConfig {
  const configs = buildCatalogue(operator, parseModelsBody(readFixtureBytes('openrouter', 'excerpts', file)), NOW).configs;
  return configs.find((config) => config.modelName === modelName)!;
}

function syntheticConfig(pricing: Record<string, unknown>): CatalogueConfig {
  const payload = parseModelsPayload({ data: [{ id: 'acme/priced', context_length: 200_000, architecture: { output_modalities: ['text'] }, supported_parameters: ['tools'], pricing }] });
  return buildCatalogue(operator, payload, NOW).configs[0]!;
}

const cost = (config: CatalogueConfig, promptTokens: number, completionTokens: number, cachedPromptTokens = 0, at: number | null = null) =>
  estimateCost(priceSheet(config), { promptTokens, completionTokens, cachedPromptTokens, at } satisfies CostQuery);

describe('estimateCost, computed by hand', () => {
  // OpenAI GPT-6 Luna (2026-09 excerpt): $0.10 / $0.50 per million, cache reads $0.01; from 272,000 prompt tokens $0.20 / $0.75, cache reads $0.02.
  const luna = realConfig('models-2026-09-22.whichapiapi-3-models.json', 'openai/gpt-6-luna');

  it('prompt and completion at the base prices', () => {
    // 10,000 × 0.10 / 1e6 + 2,000 × 0.50 / 1e6
    expect(cost(luna, 10_000, 2_000)).toBeCloseTo(0.001 + 0.001, 12);
  });

  it('cached prompt tokens at the cache-read price', () => {
    // 6,000 × 0.10 / 1e6 + 4,000 × 0.01 / 1e6 + 2,000 × 0.50 / 1e6
    expect(cost(luna, 10_000, 2_000, 4_000)).toBeCloseTo(0.0006 + 0.00004 + 0.001, 12);
  });

  it('the long-context override applies from exactly its threshold', () => {
    // 271,999 × 0.10 / 1e6 + 1,000 × 0.50 / 1e6: below the threshold
    expect(cost(luna, 271_999, 1_000)).toBeCloseTo(0.0271999 + 0.0005, 12);
    // 272,000 × 0.20 / 1e6 + 1,000 × 0.75 / 1e6
    expect(cost(luna, 272_000, 1_000)).toBeCloseTo(0.0544 + 0.00075, 12);
    // 200,000 × 0.20 / 1e6 + 100,000 × 0.02 / 1e6 (the override's cache-read price) + 1,000 × 0.75 / 1e6
    expect(cost(luna, 300_000, 1_000, 100_000)).toBeCloseTo(0.04 + 0.002 + 0.00075, 12);
  });

  it('a real alias with its long-context override (Gemini Pro Latest, 2026-07 excerpt)', () => {
    const gemini = realConfig('models-2026-07-30.genai-prices-6-models.json', '~google/gemini-pro-latest');
    // $2 / $12, cache reads $0.20; from 200,000 prompt tokens $4 / $18, cache reads $0.40:
    // 200,000 × 4 / 1e6 + 50,000 × 0.40 / 1e6 + 10,000 × 18 / 1e6
    expect(cost(gemini, 250_000, 10_000, 50_000)).toBeCloseTo(0.8 + 0.02 + 0.18, 12);
    expect(cost(gemini, 100_000, 10_000)).toBeCloseTo(0.2 + 0.12, 12);
  });

  it('the per-request price is added and the discount taken off the whole', () => {
    const discounted = syntheticConfig({ prompt: '0.000002', completion: '0.00001', request: '0.001', discount: 0.25 });
    // (1,000 × 2 / 1e6 + 500 × 10 / 1e6 + 0.001) × 0.75
    expect(cost(discounted, 1_000, 500)).toBeCloseTo((0.002 + 0.005 + 0.001) * 0.75, 12);
  });

  it('a model without a cache-read price charges cached tokens at the prompt price', () => {
    const plain = syntheticConfig({ prompt: '0.000001', completion: '0.000002' });
    expect(cost(plain, 1_000, 100, 600)).toBeCloseTo(0.001 + 0.0002, 12);
  });

  it('later overrides win for the prices they set; the others stay', () => {
    const tiers = syntheticConfig({ prompt: '0.000001', completion: '0.000002', overrides: [{ min_prompt_tokens: 100, prompt: '0.000003', completion: '0.000004' }, { min_prompt_tokens: 1_000, prompt: '0.000005' }] });
    expect(cost(tiers, 50, 10)).toBeCloseTo(50e-6 + 20e-6, 12);
    expect(cost(tiers, 500, 10)).toBeCloseTo(1500e-6 + 40e-6, 12);
    expect(cost(tiers, 5_000, 10)).toBeCloseTo(25_000e-6 + 40e-6, 12);
  });

  it('a time-window override needs the time: it applies inside its UTC window (which may wrap past midnight), and without `at` the cost is unknown', () => {
    const peak = syntheticConfig({ prompt: '0.000001', completion: '0.000001', overrides: [{ utc_start: '22:00', utc_end: '02:00', prompt: '0.000003' }] });
    const at = (hours: number, minutes = 0) => Date.UTC(2026, 10, 26, hours, minutes);
    expect(cost(peak, 1_000, 0, 0, at(23))).toBeCloseTo(0.003, 12);
    expect(cost(peak, 1_000, 0, 0, at(1, 59))).toBeCloseTo(0.003, 12);
    expect(cost(peak, 1_000, 0, 0, at(2))).toBeCloseTo(0.001, 12);
    expect(cost(peak, 1_000, 0, 0, at(12))).toBeCloseTo(0.001, 12);
    expect(cost(peak, 1_000, 0)).toBeNull();
    expect(inUtcWindow(at(5), '03:00', '03:00')).toBe(true);
  });

  it('null when a price it needs is unknown, or the result would not be finite', () => {
    expect(cost(syntheticConfig({ prompt: '0.000001', completion: '-1' }), 10, 10)).toBeNull();
    expect(cost(syntheticConfig({ prompt: '0.000001' }), 10, 10)).toBeNull();
    expect(cost(syntheticConfig({ prompt: '0.000001', completion: '0.000001', overrides: [{ min_prompt_tokens: 100, prompt: 'soon' }] }), 1_000, 10)).toBeNull();
    expect(cost(syntheticConfig({ prompt: '0.000001', completion: '0.000001', overrides: [{ min_prompt_tokens: 100, prompt: 'soon' }] }), 10, 10)).toBeCloseTo(20e-6, 12);
    const absurd = syntheticConfig({ prompt: '1e300', completion: '0' });
    expect(priceSheet(absurd).prompt).toBe(1e306);
    expect(cost(absurd, 2 ** 31 - 1, 0)).toBeNull();
  });

  it('an operator config prices from LiteLLM’s keys in litellm_params', () => {
    const yaml = parseOperatorConfig(
      'global_llm_configs:\n  - { id: -1, name: A, provider: azure, model_name: a, litellm_params: { input_cost_per_token: 0.000002, output_cost_per_token: 0.000008, cache_read_input_token_cost: 0.0000005, input_cost_per_request: 0.01 } }\n',
      'test.yaml',
    );
    const config = buildCatalogue(yaml, null, NOW).configs[0]!;
    expect(priceSheet(config)).toMatchObject({ prompt: 2, completion: 8, inputCacheRead: 0.5, request: 0.01, discount: null, overrides: [], overridesComplete: true });
    // 600 × 2 / 1e6 + 400 × 0.5 / 1e6 + 100 × 8 / 1e6 + 0.01
    expect(cost(config, 1_000, 100, 400)).toBeCloseTo(0.0012 + 0.0002 + 0.0008 + 0.01, 12);
  });
});
