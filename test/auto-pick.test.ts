import { describe, expect, it } from 'vitest';
import { autoPick, threadIndex } from '../src/catalogue/auto-pick.js';
import { buildCatalogue } from '../src/catalogue/build.js';
import { curatedConfig } from '../src/catalogue/config-factory.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsBody } from '../src/openrouter/models-payload.js';
import { readFixtureBytes, readFixtureJson } from './support/fixtures.js';

type Picks = Record<string, number>;
interface AutoPickVector {
  dynamic: { free_only: Picks; premium_eligible: Picks };
  with_static: { free_only: Picks; premium_eligible: Picks };
  static_configs: { id: number; model_name: string; provider: string; billing_tier: 'free' | 'premium'; quality_score: number; health_gated: boolean; auto_pin_tier: 'A' }[];
}
const vector = readFixtureJson<AutoPickVector>('conformance', 'auto-pick.json');
const cycle0 = readFixtureJson<{ cycles: { configs: { id: number; quality_score: number; health_gated: boolean }[] }[] }>('conformance', 'enrichment-2026-06-16.json').cycles[0]!.configs;

/** The cycle-0 catalogue of the enrichment vector, with an OpenRouter key configured (every config has a credential). */
function dynamicConfigs(): CatalogueConfig[] {
  const operator = parseOperatorConfig('openrouter_integration:\n  api_key: k\n', 'test');
  const configs = buildCatalogue(operator, parseModelsBody(readFixtureBytes('openrouter', 'models-2026-06-16.json')), 1_795_478_400).configs;
  return configs.map((config, index) => {
    const state = cycle0[index]!;
    expect(state.id).toBe(config.id);
    return { ...config, qualityScore: state.quality_score, healthGated: state.health_gated };
  });
}

function staticConfigs(): CatalogueConfig[] {
  const yaml = vector.static_configs
    .map((c) => `  - id: ${c.id}\n    name: ${c.model_name}\n    provider: ${c.provider}\n    model_name: ${c.model_name}\n    api_key: k\n    billing_tier: ${c.billing_tier}\n`)
    .join('');
  const configs = parseOperatorConfig(`global_llm_configs:\n${yaml}`, 'static').curatedModels.map(curatedConfig);
  return configs.map((config, index) => ({ ...config, qualityScore: vector.static_configs[index]!.quality_score }));
}

describe('Auto (Fastest) picks the same config as the original for every thread', () => {
  const sets = { dynamic: dynamicConfigs(), with_static: [...staticConfigs(), ...dynamicConfigs()] };
  for (const set of ['dynamic', 'with_static'] as const) {
    for (const eligibility of ['free_only', 'premium_eligible'] as const) {
      it(`${set}, ${eligibility}`, () => {
        const expected = vector[set][eligibility];
        expect(Object.keys(expected).length).toBeGreaterThan(200);
        const actual = Object.fromEntries(Object.keys(expected).map((threadId) => [threadId, autoPick(sets[set], { threadId, premiumEligible: eligibility === 'premium_eligible' }).chosen?.id]));
        expect(actual).toEqual(expected);
      });
    }
  }

  it('explains the choice: tier lock, pool and index', () => {
    const result = autoPick(sets.with_static, { threadId: '1', premiumEligible: true });
    expect(result.tierLocked).toBe(true);
    expect(result.pool.map((c) => c.id)).toEqual([-2, -1, -3]);
    expect(result.pool[result.index!]).toBe(result.chosen);
    expect(result.index).toBe(threadIndex('1', 3));
    const free = autoPick(sets.dynamic, { threadId: '1', premiumEligible: false });
    expect(free.tierLocked).toBe(false);
    expect(free.pool).toHaveLength(5);
    expect(free.pool.every((c) => c.billingTier === 'free')).toBe(true);
  });

  it('skips excluded, gated and credential-less configs, and chooses none when nothing is left', () => {
    const all = sets.with_static;
    const first = autoPick(all, { threadId: '7', premiumEligible: true });
    const second = autoPick(all, { threadId: '7', premiumEligible: true, excludeIds: [first.chosen!.id] });
    expect(second.pool.map((c) => c.id)).not.toContain(first.chosen!.id);
    expect(second.excluded.find((group) => group.reason === 'excluded-by-caller')?.configs).toEqual([first.chosen]);
    const noKey = autoPick(all.map((c) => ({ ...c, hasCredential: false })), { threadId: '7', premiumEligible: true });
    expect(noKey).toMatchObject({ chosen: null, pool: [], index: null, candidateCount: 0 });
    expect(noKey.excluded.map((group) => [group.reason, group.configs.length])).toContainEqual(['no-credential', all.length]);
    expect(autoPick(all.map((c) => ({ ...c, healthGated: true })), { threadId: '7', premiumEligible: true }).chosen).toBeNull();
  });
});
