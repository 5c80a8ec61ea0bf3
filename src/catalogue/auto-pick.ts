import { createHash } from 'node:crypto';
import type { CatalogueConfig } from './types.js';

/** Id reserved for the virtual "Auto (Fastest)" entry. */
export const AUTO_CONFIG_ID = 0;
/** How many of the best candidates a thread is spread over. */
export const AUTO_POOL_SIZE = 5;

export interface AutoPickRequest {
  readonly threadId: string;
  readonly premiumEligible: boolean;
  readonly excludeIds?: readonly number[];
}

export interface AutoPickResult {
  readonly chosen: CatalogueConfig;
  /** The top candidates the choice was made from, best first. */
  readonly pool: readonly CatalogueConfig[];
  /** Candidates before the tier lock and the top-5 cut. */
  readonly candidateCount: number;
  /** True when operator-curated (tier A) candidates existed, so the pool was restricted to them. */
  readonly tierLocked: boolean;
  /** Position of `chosen` in `pool`: SHA-256 of `auto_fastest:<thread id>`, first 8 bytes, modulo the pool size. */
  readonly index: number;
}

/** The deterministic pool index of a thread (reference §6). */
export function threadIndex(threadId: string, poolSize: number): number {
  const digest = createHash('sha256').update(`auto_fastest:${threadId}`, 'utf8').digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(poolSize));
}

/**
 * The config Auto (Fastest) pins a thread to, as the original selects it: usable, ungated
 * candidates by id; premium ones only when the caller may use them; tier A only when any exist;
 * the 5 best by quality score; then a stable hash of the thread id picks one. A retired model (gone
 * from OpenRouter's list, served only so pinned threads keep working) is never a candidate.
 */
export function autoPick(configs: readonly CatalogueConfig[], request: AutoPickRequest): AutoPickResult | null {
  const excluded = new Set(request.excludeIds ?? []);
  const candidates = configs
    .filter((c) => c.id !== AUTO_CONFIG_ID && c.modelName !== '' && c.provider !== '' && c.hasCredential && !c.healthGated && c.lifecycle !== 'retired' && !excluded.has(c.id))
    .filter((c) => request.premiumEligible || c.billingTier !== 'premium')
    .sort((a, b) => a.id - b.id);
  if (candidates.length === 0) return null;
  const tierA = candidates.filter((c) => c.autoPinTier === 'A');
  const tierLocked = tierA.length > 0;
  // Stable sort: equal scores keep id order.
  const pool = (tierLocked ? tierA : candidates).sort((a, b) => b.qualityScore - a.qualityScore).slice(0, AUTO_POOL_SIZE);
  const index = threadIndex(request.threadId, pool.length);
  return { chosen: pool[index]!, pool, candidateCount: candidates.length, tierLocked, index };
}
