import type { ConfigHealthState } from './persistence.js';
import { roundHalfEven } from './python-round.js';
import { isOpenRouterProvider, type CatalogueConfig } from './types.js';

/** Weight of live health in the blended quality score (the rest is the static score). */
export const HEALTH_BLEND_WEIGHT = 0.5;

/**
 * The served quality score: Python's round-half-to-even of 0.5 × health + 0.5 × static when health
 * is known and not gated, else the static score. The operations run in the original's order
 * (`w * h + (1 - w) * static`) so the doubles, and therefore the rounding, are identical.
 */
export function blendQualityScore(staticScore: number, healthScore: number | null, gated: boolean): number {
  if (healthScore === null || gated) return staticScore;
  return roundHalfEven(HEALTH_BLEND_WEIGHT * healthScore + (1 - HEALTH_BLEND_WEIGHT) * staticScore);
}

/** The health fields of a config, as persisted. */
export function healthStateOf(config: CatalogueConfig): ConfigHealthState {
  return { healthGated: config.healthGated, qualityScoreHealth: config.qualityScoreHealth, health: config.health };
}

/** Returns a config with the given health fields and its quality score blended from them. */
export function withHealthState(config: CatalogueConfig, state: ConfigHealthState): CatalogueConfig {
  return Object.freeze({
    ...config,
    ...state,
    qualityScore: blendQualityScore(config.qualityScoreStatic, state.qualityScoreHealth, state.healthGated),
  });
}

/** Restores persisted health onto freshly generated configs, matched by model name (configs routed through OpenRouter only). */
export function applyHealthState(configs: readonly CatalogueConfig[], states: ReadonlyMap<string, ConfigHealthState>): CatalogueConfig[] {
  return configs.map((config) => {
    const state = isOpenRouterProvider(config) ? states.get(config.modelName) : undefined;
    return state ? withHealthState(config, state) : config;
  });
}
