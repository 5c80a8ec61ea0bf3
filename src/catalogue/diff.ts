import type { BillingTier, CatalogueConfig, PricingPerMillion } from './types.js';
import type { CatalogueVersion } from './version.js';

/** A config named in a change record. */
export interface ChangedConfigRef {
  readonly id: number;
  readonly modelName: string;
  readonly name: string;
}

export interface Repricing extends ChangedConfigRef {
  readonly before: PricingPerMillion;
  readonly after: PricingPerMillion;
}

export interface TierFlip extends ChangedConfigRef {
  readonly from: BillingTier;
  readonly to: BillingTier;
}

/** What one accepted refresh changed against the version it replaced. */
export interface CatalogueDiff {
  readonly fromVersion: number | null;
  readonly toVersion: number;
  /** Unix ms when the new version was accepted. */
  readonly at: number;
  readonly added: readonly ChangedConfigRef[];
  readonly removed: readonly ChangedConfigRef[];
  readonly repriced: readonly Repricing[];
  readonly tierFlips: readonly TierFlip[];
  readonly newlyGated: readonly ChangedConfigRef[];
  readonly newlyUngated: readonly ChangedConfigRef[];
}

function ref(config: CatalogueConfig): ChangedConfigRef {
  return { id: config.id, modelName: config.modelName, name: config.name };
}

function samePrice(a: PricingPerMillion, b: PricingPerMillion): boolean {
  return a.prompt === b.prompt && a.completion === b.completion;
}

/** Compares two versions config by config (matched by stable id). */
export function diffVersions(previous: CatalogueVersion | null, next: CatalogueVersion, at: number): CatalogueDiff {
  const before = previous?.byId ?? new Map<number, CatalogueConfig>();
  const added: ChangedConfigRef[] = [];
  const repriced: Repricing[] = [];
  const tierFlips: TierFlip[] = [];
  const newlyGated: ChangedConfigRef[] = [];
  const newlyUngated: ChangedConfigRef[] = [];
  for (const config of next.configs) {
    const old = before.get(config.id);
    if (old === undefined) {
      added.push(ref(config));
      continue;
    }
    if (!samePrice(old.pricing, config.pricing)) repriced.push({ ...ref(config), before: old.pricing, after: config.pricing });
    if (old.billingTier !== config.billingTier) tierFlips.push({ ...ref(config), from: old.billingTier, to: config.billingTier });
    if (!old.healthGated && config.healthGated) newlyGated.push(ref(config));
    if (old.healthGated && !config.healthGated) newlyUngated.push(ref(config));
  }
  const removed = (previous?.configs ?? []).filter((config) => !next.byId.has(config.id)).map(ref);
  return { fromVersion: previous?.version ?? null, toVersion: next.version, at, added, removed, repriced, tierFlips, newlyGated, newlyUngated };
}

/** True when a diff records no change at all. */
export function isEmptyDiff(diff: CatalogueDiff): boolean {
  return [diff.added, diff.removed, diff.repriced, diff.tierFlips, diff.newlyGated, diff.newlyUngated].every((list) => list.length === 0);
}
