import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { curatedConfig } from '../src/catalogue/config-factory.js';
import { baseStableId, STABLE_ID_HASH_WIDTH } from '../src/catalogue/stable-id.js';
import { loadOperatorConfig, MIN_ID_OFFSET, OperatorConfigError, parseOperatorConfig } from '../src/config/operator-config.js';
import { MAX_MODELS_LIMIT } from '../src/config/operator-schema.js';
import { SERVED_INT_MIN } from '../src/input/served-range.js';

function problemsOf(yaml: string): readonly string[] {
  try {
    parseOperatorConfig(yaml, 'catalogue.yaml');
  } catch (error) {
    if (error instanceof OperatorConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

const entry = (extra = '') => `  - id: -1\n    name: A\n    provider: AZURE\n    model_name: gpt-5\n${extra}`;

describe('operator YAML', () => {
  it('with no file, OpenRouter is on with every default', async () => {
    const config = await loadOperatorConfig(undefined);
    expect(config.openRouter).toMatchObject({ enabled: true, idOffset: -10_000, rpm: 200, freeRpm: 20, hasApiKey: false, refreshIntervalHours: 24, maxShrinkFraction: 0.5 });
    expect(config.curatedModels).toEqual([]);
    expect(config.secrets.openRouterApiKey).toBeNull();
  });

  it('the example file is valid and documents real keys', () => {
    const config = parseOperatorConfig(readFileSync(new URL('../config/catalogue.example.yaml', import.meta.url), 'utf8'), 'example');
    expect(config.curatedModels).toHaveLength(1);
    expect(curatedConfig(config.curatedModels[0]!)).toMatchObject({ id: -1, autoPinTier: 'A', source: 'yaml', hasCredential: true, contextLength: 272_000, pricing: { prompt: 1.25, completion: 10 } });
    // azure 50 + operator 20 + price band (11.25/M → 12) + context 272k (6)
    expect(curatedConfig(config.curatedModels[0]!).qualityScoreStatic).toBe(88);
  });

  it('reports every problem with its path', () => {
    const problems = problemsOf(`global_llm_configs:\n${entry()}\n${entry('    rpm: "fast"\n    bogus_key: 1\n')}\n  - id: -2\n    provider: X\n    model_name: m\n    billing_tier: gold\nopenrouter_integration:\n  rpm: -3\n  free_rmp: 10\n`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'global_llm_configs[1].rpm: expected number, got string',
        'global_llm_configs[1].bogus_key: unknown key',
        'global_llm_configs[2].name: expected string, got nothing (required)',
        expect.stringMatching(/^global_llm_configs\[2\]\.billing_tier: .*"free"\|"premium"/),
        expect.stringMatching(/^openrouter_integration\.rpm: /),
        'openrouter_integration.free_rmp: unknown key',
      ]),
    );
  });

  it('rejects id 0, positive ids and duplicate ids; warns on duplicate seo slugs', () => {
    expect(problemsOf(`global_llm_configs:\n${entry().replace('-1', '0')}`)).toEqual(['global_llm_configs[0].id: 0 is reserved for Auto (Fastest)']);
    expect(problemsOf(`global_llm_configs:\n${entry().replace('-1', '7')}`)[0]).toMatch(/must be negative/);
    expect(problemsOf(`global_llm_configs:\n${entry()}${entry()}`)).toEqual(['global_llm_configs[1].id: duplicate id -1, already used by global_llm_configs[0]']);
    const config = parseOperatorConfig(`global_llm_configs:\n${entry('    seo_slug: s\n')}${entry('    seo_slug: s\n').replace('-1', '-2')}`, 'x');
    expect(config.warnings).toEqual(['global_llm_configs[1].seo_slug: "s" is also used by global_llm_configs[0]']);
  });

  it('applies static config defaults', () => {
    const config = parseOperatorConfig(`global_llm_configs:\n${entry()}`, 'x');
    expect(curatedConfig(config.curatedModels[0]!)).toMatchObject({ billingTier: 'free', anonymousEnabled: false, seoEnabled: false, seoSlug: null, hasCredential: false, autoPinTier: 'A', qualityScoreStatic: 70 });
  });

  it('warns on deprecated keys; anonymous_enabled seeds both flags unless they are set', () => {
    const seeded = parseOperatorConfig('openrouter_integration:\n  anonymous_enabled: true\n  billing_tier: premium\n', 'x');
    expect(seeded.openRouter).toMatchObject({ anonymousEnabledPaid: true, anonymousEnabledFree: true });
    expect(seeded.warnings).toHaveLength(2);
    const explicit = parseOperatorConfig('openrouter_integration:\n  anonymous_enabled: true\n  anonymous_enabled_paid: false\n', 'x');
    expect(explicit.openRouter).toMatchObject({ anonymousEnabledPaid: false, anonymousEnabledFree: true });
  });

  it('lets the environment key override the YAML key without exposing either', () => {
    const config = parseOperatorConfig('openrouter_integration:\n  api_key: from-yaml\n', 'x', { apiKeyOverride: 'from-env' });
    expect(config.secrets.openRouterApiKey).toBe('from-env');
    expect(JSON.stringify(config.openRouter)).not.toContain('from-');
  });

  it('reports YAML syntax errors with line and column, and unreadable files', async () => {
    expect(problemsOf('openrouter_integration:\n  rpm: [1,\n')[0]).toMatch(/^line \d+, column \d+: /);
    expect(problemsOf('a: 1\na: 2\n')[0]).toMatch(/line 2/);
    await expect(loadOperatorConfig('/nonexistent/catalogue.yaml')).rejects.toThrow(/cannot read the file: ENOENT/);
  });
});

describe('operator YAML numbers the API cannot serve', () => {
  it('refuses ids, limits and token counts outside the 32-bit Int range, with their paths', () => {
    const problems = problemsOf(
      `global_llm_configs:\n  - id: -99999999999\n    name: A\n    provider: AZURE\n    model_name: m\n    rpm: 99999999999\n    tpm: 4294967296\n    quota_reserve_tokens: 3000000000\n    litellm_params: { max_input_tokens: 1e12 }\n` +
        `  - id: -2\n    name: B\n    provider: AZURE\n    model_name: m\n    litellm_params: { max_input_tokens: 128000.5 }\n` +
        `openrouter_integration:\n  rpm: 3000000000\n  free_tpm: 1e10\n`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^global_llm_configs\[0\]\.id: /),
        expect.stringMatching(/^global_llm_configs\[0\]\.rpm: /),
        expect.stringMatching(/^global_llm_configs\[0\]\.tpm: /),
        expect.stringMatching(/^global_llm_configs\[0\]\.quota_reserve_tokens: /),
        expect.stringMatching(/^openrouter_integration\.rpm: /),
        expect.stringMatching(/^openrouter_integration\.free_tpm: /),
      ]),
    );
    expect(problemsOf(`global_llm_configs:\n${entry('    litellm_params: { max_input_tokens: 1e12 }\n')}`)).toEqual([
      'global_llm_configs[0].litellm_params.max_input_tokens: must be a whole number of tokens from 0 to 2147483647 (it is served as the context length)',
    ]);
    expect(problemsOf(`global_llm_configs:\n${entry('    litellm_params: { max_input_tokens: 128000.5 }\n')}`)[0]).toMatch(/max_input_tokens: must be a whole number/);
  });

  it('refuses an id_offset whose generated ids could leave the negative 32-bit range or reach 0 (Auto)', () => {
    expect(problemsOf('openrouter_integration:\n  id_offset: -2147483000\n')[0]).toMatch(/^openrouter_integration\.id_offset: must be from -2137483648 to -1/);
    expect(problemsOf('openrouter_integration:\n  id_offset: 5000000\n')[0]).toMatch(/^openrouter_integration\.id_offset: must be from/);
    expect(parseOperatorConfig('openrouter_integration:\n  id_offset: -50000\n', 'x').openRouter.idOffset).toBe(-50_000);
  });

  it('the lowest id_offset accepted keeps every generated id a 32-bit Int, by the id generator\'s own constants', () => {
    // The hash takes up to STABLE_ID_HASH_WIDTH - 1 below the offset; each collision one more, at most one per kept model.
    expect(MIN_ID_OFFSET - (STABLE_ID_HASH_WIDTH - 1) - MAX_MODELS_LIMIT).toBeGreaterThanOrEqual(SERVED_INT_MIN);
    expect(baseStableId('openai/gpt-4o', MIN_ID_OFFSET)).toBeGreaterThan(MIN_ID_OFFSET - STABLE_ID_HASH_WIDTH);
  });

  it('names .inf and .nan for what they are', () => {
    expect(problemsOf('openrouter_integration:\n  rpm: .inf\n  max_shrink_fraction: .nan\n')).toEqual([
      'openrouter_integration.rpm: expected number, got an infinite number',
      'openrouter_integration.max_shrink_fraction: expected number, got NaN',
    ]);
  });
});

describe('operator YAML structure', () => {
  it('refuses keys JavaScript objects cannot hold faithfully, with line and column', () => {
    expect(problemsOf('openrouter_integration:\n  litellm_params:\n    ? [a, b]\n    : 1\n')).toEqual(['line 3, column 7: a key must be a plain value, not a list or map']);
    expect(problemsOf('openrouter_integration:\n  litellm_params:\n    &k x: 1\n    *k : 2\n')).toEqual(['line 4, column 5: duplicate key "x"']);
    expect(problemsOf('openrouter_integration:\n  litellm_params:\n    1: a\n    "1": b\n')).toEqual(['line 4, column 5: duplicate key "1"']);
    expect(problemsOf('openrouter_integration:\n  litellm_params:\n    __proto__: { polluted: true }\n')).toEqual(['line 3, column 5: the key "__proto__" is not allowed']);
    expect(problemsOf('a: &a [1, *a]\n')).toEqual(['line 1, column 11: alias *a refers to a list or map that contains it']);
  });

  it('refuses values JSON cannot carry in litellm_params, with their path', () => {
    expect(problemsOf(`global_llm_configs:\n${entry('    litellm_params: { blob: !!binary aGVsbG8=, nested: { s: !!set { x, y } }, n: .nan }\n')}`)).toEqual([
      'global_llm_configs[0].litellm_params.blob: expected a JSON value (string, number, boolean, null, list or map), got binary data (!!binary)',
      'global_llm_configs[0].litellm_params.nested.s: expected a JSON value (string, number, boolean, null, list or map), got a set (!!set)',
      'global_llm_configs[0].litellm_params.n: expected a JSON value (string, number, boolean, null, list or map), got a non-finite number (.inf or .nan)',
    ]);
  });

  it('accepts an anchor reused hundreds of times (yaml alone would call that an attack), and large flat maps', () => {
    const reused = parseOperatorConfig(`common: &common { temperature: 0.2 }\nglobal_llm_configs:\n${Array.from({ length: 300 }, (_, i) => `  - { id: ${-1 - i}, name: M${i}, provider: AZURE, model_name: m${i}, litellm_params: *common }\n`).join('')}`.replace('common: &common', 'openrouter_integration:\n  litellm_params: &common'), 'x');
    expect(reused.curatedModels).toHaveLength(300);
    expect(reused.curatedModels[299]!.litellm_params).toEqual({ temperature: 0.2 });
    const flat = `openrouter_integration:\n  litellm_params:\n${Array.from({ length: 30_000 }, (_, i) => `    k${i}: ${i}\n`).join('')}`;
    // yaml's own duplicate-key check is quadratic (about 5 s here); duplicates are found with a set instead.
    expect(Object.keys(parseOperatorConfig(flat, 'x').openRouter.litellmParams)).toHaveLength(30_000);
  });
});

describe('limits on what one upstream list can cost', () => {
  it('default to values that admit every real list, and can be set', () => {
    expect(parseOperatorConfig('', 'x').openRouter).toMatchObject({ maxModels: 5_000, maxStringLength: 1_000, maxGrowthFactor: 3, maxSnapshotMib: 64 });
    const set = parseOperatorConfig('openrouter_integration:\n  max_models: 800\n  max_string_length: 300\n  max_growth_factor: 1.5\n  max_snapshot_mib: 8\n', 'x');
    expect(set.openRouter).toMatchObject({ maxModels: 800, maxStringLength: 300, maxGrowthFactor: 1.5, maxSnapshotMib: 8 });
  });

  it('refuses values that would make them meaningless', () => {
    const problems = problemsOf('openrouter_integration:\n  max_models: 0\n  max_string_length: 10\n  max_growth_factor: 0.5\n  max_snapshot_mib: 0\n');
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'openrouter_integration.max_growth_factor',
      'openrouter_integration.max_models',
      'openrouter_integration.max_string_length',
      'openrouter_integration.max_snapshot_mib',
    ]);
  });
});

describe('lifecycle settings', () => {
  it('default to 14 days new, 30 days expiring and 7 days of grace for retired models; fractions of a day are allowed', () => {
    expect(parseOperatorConfig('', 'x').openRouter).toMatchObject({ newModelDays: 14, expiringDays: 30, retirementGraceDays: 7 });
    const set = parseOperatorConfig('openrouter_integration:\n  new_model_days: 3\n  expiring_days: 60\n  retirement_grace_days: 0.5\n', 'x');
    expect(set.openRouter).toMatchObject({ newModelDays: 3, expiringDays: 60, retirementGraceDays: 0.5 });
    expect(parseOperatorConfig('openrouter_integration:\n  retirement_grace_days: 0\n', 'x').openRouter.retirementGraceDays).toBe(0);
  });

  it('refuses negative spans, spans over ten years and mistyped keys, with their paths', () => {
    const problems = problemsOf('openrouter_integration:\n  new_model_days: -1\n  expiring_days: 100000\n  retirement_grace_days: "a week"\n  retirement_grace: 7\n');
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'openrouter_integration.expiring_days',
      'openrouter_integration.new_model_days',
      'openrouter_integration.retirement_grace',
      'openrouter_integration.retirement_grace_days',
    ]);
  });
});

describe('what an operator config serves besides the original fields', () => {
  it('capabilities, prices and the completion limit from the file and LiteLLM’s keys in litellm_params; no OpenRouter facts', () => {
    const config = parseOperatorConfig(
      `global_llm_configs:\n${entry('    supports_image_input: true\n    litellm_params: { input_cost_per_token: 0.000003, output_cost_per_token: 0.000015, max_output_tokens: 64000, supports_reasoning: true, supports_response_schema: true, supports_web_search: false }\n')}`,
      'x',
    );
    const made = curatedConfig(config.curatedModels[0]!);
    expect(made).toMatchObject({ inputModalities: ['text', 'image'], outputModalities: ['text'], maxCompletionTokens: 64_000, supportsStructuredOutputs: true, supportsWebSearch: false, lifecycle: 'active', releasedAt: null, expiresAt: null, retiredAt: null, successorId: null, pricing: { prompt: 3, completion: 15 } });
    expect(made.reasoning).toMatchObject({ mandatory: false, efforts: [] });
    expect(made.details.canonicalSlug).toBeNull();
  });

  it('refuses a max_output_tokens the API cannot serve', () => {
    expect(problemsOf(`global_llm_configs:\n${entry('    litellm_params: { max_output_tokens: 3e9 }\n')}`)).toEqual([
      'global_llm_configs[0].litellm_params.max_output_tokens: must be a whole number of tokens from 0 to 2147483647 (it is served as maxCompletionTokens)',
    ]);
  });
});
