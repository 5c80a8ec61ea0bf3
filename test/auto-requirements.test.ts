import { describe, expect, it } from 'vitest';
import { explainPick } from '../src/catalogue/auto-explanation.js';
import { autoPick, type AutoPickRequest } from '../src/catalogue/auto-pick.js';
import { buildCatalogue } from '../src/catalogue/build.js';
import { AUTO_ENTRY } from '../src/catalogue/config-factory.js';
import { autoEntryMatches, type ConfigFilter } from '../src/catalogue/query.js';
import { autoAvailability, availabilityOf, NO_STANDINGS, type StandingView, type TurnRequirements } from '../src/catalogue/requirements.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsBody } from '../src/openrouter/models-payload.js';
import { readFixtureBytes, readFixtureJson } from './support/fixtures.js';

/**
 * Issue 17.1: Auto and `availability` on the real 2026-06 catalogue. Every expected count is made
 * here from the raw OpenRouter payload and the original's own output (which models it kept), never
 * from the code under test.
 */

interface RawModel {
  id: string;
  context_length?: number | null;
  architecture?: { input_modalities?: string[] | null };
  pricing?: { prompt?: string | null };
  supported_parameters?: string[] | null;
}
const raw = readFixtureJson<{ data: RawModel[] }>('openrouter', 'models-2026-06-16.json').data;
/** The models the original kept, from its output for this list (conformance vector). */
const keptIds = new Set(readFixtureJson<{ configs: { model_name: string }[] }>('conformance', 'configs-2026-06-16-default-now1795478400.json').configs.map((c) => c.model_name));
const kept = raw.filter((model) => keptIds.has(model.id));

const NOW_SECONDS = 1_795_478_400;
function catalogue(yaml: string): readonly CatalogueConfig[] {
  return buildCatalogue(parseOperatorConfig(yaml, 'test.yaml'), parseModelsBody(readFixtureBytes('openrouter', 'models-2026-06-16.json')), NOW_SECONDS).configs;
}
const withKey = catalogue('openrouter_integration:\n  api_key: sk-or-test\n');
const withoutKey = catalogue('');

/** Independent reading of the raw payload, as OpenRouter documents its fields. */
const readsImages = (m: RawModel) => (m.architecture?.input_modalities ?? []).includes('image');
const reasons = (m: RawModel) => ['reasoning', 'include_reasoning', 'reasoning_effort'].some((p) => (m.supported_parameters ?? []).includes(p));
const promptPerMillion = (m: RawModel) => (m.pricing?.prompt == null || Number.isNaN(Number(m.pricing.prompt)) || Number(m.pricing.prompt) < 0 ? null : Number(m.pricing.prompt) * 1e6);

const counted = (result: ReturnType<typeof autoPick>) => Object.fromEntries(result.excluded.map((group) => [group.reason, group.configs.length]));

describe('requirements on the 2026-06 catalogue', () => {
  it('the catalogue is the original’s: the same 228 models', () => {
    expect(withKey.map((c) => c.modelName).sort()).toEqual([...keptIds].sort());
    expect(kept).toHaveLength(228);
  });

  const cases: TurnRequirements[] = [
    { imageInput: true },
    { minContextLength: 400_000 },
    { reasoning: true, tools: true },
    { maxPromptPrice: 0.52 },
    { imageInput: true, minContextLength: 1_000_000, reasoning: true, maxPromptPrice: 2.2 },
  ];
  for (const requirements of cases) {
    it(`counts per reason equal a count from the raw payload: ${JSON.stringify(requirements)}`, () => {
      const expected: Record<string, number> = {};
      const add = (reason: string, count: number) => count > 0 && (expected[reason] = count);
      if (requirements.imageInput) add('missing-image-input', kept.filter((m) => !readsImages(m)).length);
      if (requirements.minContextLength != null) add('context-too-short', kept.filter((m) => !((m.context_length ?? 0) >= requirements.minContextLength!)).length);
      // Every kept model has tools: the original keeps only those.
      if (requirements.tools) add('no-tool-calling', kept.filter((m) => !(m.supported_parameters ?? []).includes('tools')).length);
      if (requirements.reasoning) add('no-reasoning', kept.filter((m) => !reasons(m)).length);
      if (requirements.maxPromptPrice != null) {
        // No price sits on the cap, so no rounding can move a model across it.
        expect(kept.some((m) => Math.abs((promptPerMillion(m) ?? -1) - requirements.maxPromptPrice!) < 1e-9)).toBe(false);
        add('over-price-cap', kept.filter((m) => !((promptPerMillion(m) ?? Infinity) <= requirements.maxPromptPrice!)).length);
      }
      const result = autoPick(withKey, { threadId: 't', premiumEligible: true, requirements });
      expect(counted(result)).toEqual(expected);
      // Every config either is a candidate or was left out for at least one reason.
      const leftOut = new Set(result.excluded.flatMap((group) => group.configs.map((c) => c.id)));
      expect(result.candidateCount + leftOut.size).toBe(228);
      // The same reasons, config by config, in `availability`.
      for (const config of withKey) expect(availabilityOf(config, requirements, NO_STANDINGS).available).toBe(!leftOut.has(config.id));
    });
  }

  it('without a credential all 228 are left out, and the answer says to set OPENROUTER_API_KEY', () => {
    const result = autoPick(withoutKey, { threadId: 't', premiumEligible: true });
    expect(result).toMatchObject({ chosen: null, pool: [], index: null, candidateCount: 0, consideredCount: 228 });
    expect(counted(result)).toEqual({ 'no-credential': 228 });
    expect(explainPick(result, { threadId: 't', premiumEligible: true }, NO_STANDINGS)).toBe(
      'No config can serve this turn: of 228 configs, 228 without a credential: set OPENROUTER_API_KEY (or api_key under openrouter_integration in the operator file).',
    );
    const free = autoPick(withoutKey, { threadId: 't', premiumEligible: false });
    expect(counted(free)).toEqual({ 'no-credential': 228, 'premium-not-eligible': withKey.filter((c) => c.billingTier === 'premium').length });
  });

  it('an image turn never picks a text-only config, for any thread, eligibility or cooldown', () => {
    const imageIds = new Set(kept.filter(readsImages).map((m) => m.id));
    expect(imageIds.size).toBeGreaterThan(20);
    expect(imageIds.size).toBeLessThan(228);
    // Cool down the image models one by one, best first: the pick moves among image models, then there is none.
    const cooling = new Set<number>();
    const standings: StandingView = { cooldownUntil: (c) => (cooling.has(c.id) ? 1 : null), isBlocked: () => false };
    const ranked = [...withKey].filter((c) => imageIds.has(c.modelName)).sort((a, b) => b.qualityScore - a.qualityScore);
    for (const config of ranked) {
      for (let thread = 0; thread < 40; thread += 1) {
        for (const premiumEligible of [true, false]) {
          const pick = autoPick(withKey, { threadId: `thread-${thread}`, premiumEligible, requirements: { imageInput: true } }, standings);
          if (pick.chosen === null) {
            // Only when no image model is left for this user.
            expect(ranked.filter((c) => !cooling.has(c.id) && (premiumEligible || c.billingTier === 'free'))).toEqual([]);
            continue;
          }
          expect(imageIds.has(pick.chosen.modelName)).toBe(true);
          expect(pick.pool.every((c) => imageIds.has(c.modelName))).toBe(true);
        }
      }
      cooling.add(config.id);
    }
    const none = autoPick(withKey, { threadId: 'x', premiumEligible: true, requirements: { imageInput: true } }, standings);
    expect(none.chosen).toBeNull();
    expect(counted(none)).toEqual({ 'missing-image-input': 228 - imageIds.size, 'cooling-down': imageIds.size });
  });

  it('with no requirements (or requirements every config meets) the choice is the original rule’s', () => {
    for (let thread = 0; thread < 200; thread += 1) {
      const request: AutoPickRequest = { threadId: String(thread), premiumEligible: thread % 2 === 0 };
      const plain = autoPick(withKey, request);
      expect(autoPick(withKey, { ...request, requirements: { tools: true, minContextLength: 100_000 } }).chosen).toBe(plain.chosen);
      expect(autoPick(withKey, { ...request, requirements: {} }, NO_STANDINGS).chosen).toBe(plain.chosen);
    }
  });
});

describe('the virtual Auto entry belongs only where its own fields match', () => {
  const cases: [ConfigFilter, boolean][] = [
    [{}, true],
    [{ tier: 'free' }, true],
    [{ tier: 'premium' }, false],
    [{ source: 'auto' }, true],
    [{ source: 'openrouter' }, false],
    [{ source: 'yaml' }, false],
    [{ provider: 'openrouter' }, false],
    [{ provider: 'AUTO' }, true],
    [{ search: 'auto' }, true],
    [{ search: 'FASTEST' }, true],
    [{ search: 'claude' }, false],
    [{ author: 'anthropic' }, false],
    [{ inputModality: ['image'] }, false],
    [{ inputModality: ['text'] }, true],
    [{ minContextLength: 1 }, false],
    [{ maxPromptPrice: 100 }, false],
    [{ capability: ['tools'] }, true],
    [{ capability: ['reasoning'] }, false],
    [{ lifecycle: ['retired'] }, false],
    [{ lifecycle: ['active', 'new', 'expiring'] }, true],
    [{ routerPoolEligible: true }, false],
    [{ includeGated: false }, true],
  ];
  it.each(cases)('%j → %s', (filter, listed) => {
    expect(autoEntryMatches(filter)).toBe(listed);
  });

  it('is available when any config can serve the turn, and otherwise names what keeps them all out', () => {
    expect(autoAvailability(withKey, {}, NO_STANDINGS)).toEqual({ available: true, reasons: [] });
    expect(autoAvailability(withoutKey, {}, NO_STANDINGS)).toEqual({ available: false, reasons: ['no-credential'] });
    expect(autoAvailability(withKey, { imageInput: true, maxPromptPrice: 0, minContextLength: 2_000_000 }, NO_STANDINGS).available).toBe(false);
    expect(AUTO_ENTRY.id).toBe(0);
  });
});
