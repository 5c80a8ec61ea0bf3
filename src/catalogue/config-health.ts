import type { ModelHealth } from './model-health.js';
import { roundHalfEven } from './python-round.js';
import type { CatalogueConfig } from './types.js';

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

/**
 * A config serving `health` (null: none known). Its gating, health score and blended quality score
 * follow from the health alone, so they can never disagree with it.
 */
export function withHealth(config: CatalogueConfig, health: ModelHealth | null): CatalogueConfig {
  const healthGated = health?.gated ?? false;
  const qualityScoreHealth = health?.score ?? null;
  return Object.freeze({ ...config, health, healthGated, qualityScoreHealth, qualityScore: blendQualityScore(config.qualityScoreStatic, qualityScoreHealth, healthGated) });
}
