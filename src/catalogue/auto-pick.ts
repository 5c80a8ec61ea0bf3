import { createHash } from 'node:crypto';
import { availabilityOf, NO_REQUIREMENTS, NO_STANDINGS, UNAVAILABLE_REASONS, type StandingView, type TurnRequirements, type UnavailableReason } from './requirements.js';
import type { CatalogueConfig } from './types.js';

/** Id reserved for the virtual "Auto (Fastest)" entry. */
export const AUTO_CONFIG_ID = 0;
/** How many of the best candidates a thread is spread over. */
export const AUTO_POOL_SIZE = 5;

/** Why Auto left a config out: it cannot serve the turn, or the caller ruled it out. */
export type AutoExclusionReason = UnavailableReason | 'premium-not-eligible' | 'excluded-by-caller';

export const AUTO_EXCLUSION_REASONS: readonly AutoExclusionReason[] = [...UNAVAILABLE_REASONS, 'premium-not-eligible', 'excluded-by-caller'];

export interface AutoPickRequest {
  readonly threadId: string;
  readonly premiumEligible: boolean;
  readonly excludeIds?: readonly number[];
  readonly requirements?: TurnRequirements;
}

/** The configs one reason left out. */
export interface AutoExclusion {
  readonly reason: AutoExclusionReason;
  readonly configs: readonly CatalogueConfig[];
}

export interface AutoPickResult {
  /** The config the thread is pinned to; null when no config can serve the turn (`excluded` says why). */
  readonly chosen: CatalogueConfig | null;
  /** The top candidates the choice was made from, best first (empty when none). */
  readonly pool: readonly CatalogueConfig[];
  /** Candidates before the tier lock and the top-5 cut. */
  readonly candidateCount: number;
  /** Configs looked at (the whole catalogue). */
  readonly consideredCount: number;
  /** True when operator-curated (tier A) candidates existed, so the pool was restricted to them. */
  readonly tierLocked: boolean;
  /** Position of `chosen` in `pool`: SHA-256 of `auto_fastest:<thread id>`, first 8 bytes, modulo the pool size; null without a pool. */
  readonly index: number | null;
  /**
   * Configs left out, per reason, in AUTO_EXCLUSION_REASONS order, only reasons that left some out. A
   * config left out for several reasons is under each.
   */
  readonly excluded: readonly AutoExclusion[];
}

/** The deterministic pool index of a thread (reference §6). */
export function threadIndex(threadId: string, poolSize: number): number {
  const digest = createHash('sha256').update(`auto_fastest:${threadId}`, 'utf8').digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(poolSize));
}

/**
 * The config Auto (Fastest) pins a thread to, as the original selects it, among the configs that can
 * serve the turn: callable, ungated, not retired, not blocked or cooling down after failures, meeting
 * the turn's requirements; premium ones only when the caller may use them; none the caller excluded.
 * Then the original rule on that pool: candidates by id, tier A only when any exist, the 5 best by
 * quality score, and a stable hash of the thread id picks one. With no requirements and nothing
 * reported, the choice is the original's.
 */
export function autoPick(configs: readonly CatalogueConfig[], request: AutoPickRequest, standings: StandingView = NO_STANDINGS): AutoPickResult {
  const excludedIds = new Set(request.excludeIds ?? []);
  const requirements = request.requirements ?? NO_REQUIREMENTS;
  const left = new Map<AutoExclusionReason, CatalogueConfig[]>();
  const leaveOut = (reason: AutoExclusionReason, config: CatalogueConfig) => {
    const group = left.get(reason);
    if (group) group.push(config);
    else left.set(reason, [config]);
  };
  const candidates: CatalogueConfig[] = [];
  for (const config of configs) {
    if (config.id === AUTO_CONFIG_ID) continue;
    const { available, reasons } = availabilityOf(config, requirements, standings);
    for (const reason of reasons) leaveOut(reason, config);
    const ineligible = !request.premiumEligible && config.billingTier === 'premium';
    if (ineligible) leaveOut('premium-not-eligible', config);
    const excluded = excludedIds.has(config.id);
    if (excluded) leaveOut('excluded-by-caller', config);
    if (available && !ineligible && !excluded) candidates.push(config);
  }
  candidates.sort((a, b) => a.id - b.id);
  const excluded = AUTO_EXCLUSION_REASONS.filter((reason) => left.has(reason)).map((reason) => ({ reason, configs: left.get(reason)! }));
  const consideredCount = configs.length - (configs.some((config) => config.id === AUTO_CONFIG_ID) ? 1 : 0);
  if (candidates.length === 0) return { chosen: null, pool: [], candidateCount: 0, consideredCount, tierLocked: false, index: null, excluded };
  const tierA = candidates.filter((c) => c.autoPinTier === 'A');
  const tierLocked = tierA.length > 0;
  // Stable sort: equal scores keep id order.
  const pool = (tierLocked ? tierA : candidates).sort((a, b) => b.qualityScore - a.qualityScore).slice(0, AUTO_POOL_SIZE);
  const index = threadIndex(request.threadId, pool.length);
  return { chosen: pool[index]!, pool, candidateCount: candidates.length, consideredCount, tierLocked, index, excluded };
}
