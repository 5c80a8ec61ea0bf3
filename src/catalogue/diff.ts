import type { PricingPerMillion } from './pricing.js';
import type { BillingTier, CatalogueConfig } from './types.js';
import type { CatalogueVersion } from './version.js';

/** A config named in a change record. */
export interface ChangedConfigRef {
  readonly id: number;
  readonly modelName: string;
  readonly name: string;
}

/** The prompt and completion prices a change record compares (USD per million tokens). */
export type BasePrices = Pick<PricingPerMillion, 'prompt' | 'completion'>;

export interface Repricing extends ChangedConfigRef {
  readonly before: BasePrices;
  readonly after: BasePrices;
}

export interface TierFlip extends ChangedConfigRef {
  readonly from: BillingTier;
  readonly to: BillingTier;
}

/** A config that left OpenRouter's list and is served as RETIRED from this version on. */
export interface Retirement extends ChangedConfigRef {
  /** Unix ms. */
  readonly retiredAt: number;
  /** The config that replaces it, when one could be named. */
  readonly successor: ChangedConfigRef | null;
}

/** A config that became EXPIRING: OpenRouter stops serving it soon. */
export interface Expiration extends ChangedConfigRef {
  /** Unix ms. */
  readonly expiresAt: number;
}

/** What one accepted refresh changed against the version it replaced. */
export interface CatalogueDiff {
  readonly fromVersion: number | null;
  readonly toVersion: number;
  /** Unix ms when the new version was accepted. */
  readonly at: number;
  readonly added: readonly ChangedConfigRef[];
  /** Configs no longer served (a retired one once its grace is over). */
  readonly removed: readonly ChangedConfigRef[];
  readonly repriced: readonly Repricing[];
  readonly tierFlips: readonly TierFlip[];
  readonly newlyGated: readonly ChangedConfigRef[];
  readonly newlyUngated: readonly ChangedConfigRef[];
  readonly retired: readonly Retirement[];
  /** Retired configs listed again. */
  readonly reinstated: readonly ChangedConfigRef[];
  readonly expiring: readonly Expiration[];
}

function ref(config: CatalogueConfig): ChangedConfigRef {
  return { id: config.id, modelName: config.modelName, name: config.name };
}

function basePrices(pricing: PricingPerMillion): BasePrices {
  return { prompt: pricing.prompt, completion: pricing.completion };
}

/** Compares two versions config by config (matched by stable id). */
export function diffVersions(previous: CatalogueVersion | null, next: CatalogueVersion, at: number): CatalogueDiff {
  const before = previous?.byId ?? new Map<number, CatalogueConfig>();
  const added: ChangedConfigRef[] = [];
  const repriced: Repricing[] = [];
  const tierFlips: TierFlip[] = [];
  const newlyGated: ChangedConfigRef[] = [];
  const newlyUngated: ChangedConfigRef[] = [];
  const retired: Retirement[] = [];
  const reinstated: ChangedConfigRef[] = [];
  const expiring: Expiration[] = [];
  for (const config of next.configs) {
    const old = before.get(config.id);
    if (config.lifecycle === 'expiring' && old?.lifecycle !== 'expiring' && config.expiresAt !== null) expiring.push({ ...ref(config), expiresAt: config.expiresAt });
    if (config.lifecycle === 'retired' && old?.lifecycle !== 'retired' && config.retiredAt !== null) {
      const successor = config.successorId === null ? undefined : next.byId.get(config.successorId);
      retired.push({ ...ref(config), retiredAt: config.retiredAt, successor: successor ? ref(successor) : null });
    }
    if (old === undefined) {
      added.push(ref(config));
      continue;
    }
    if (old.lifecycle === 'retired' && config.lifecycle !== 'retired') reinstated.push(ref(config));
    if (old.pricing.prompt !== config.pricing.prompt || old.pricing.completion !== config.pricing.completion) repriced.push({ ...ref(config), before: basePrices(old.pricing), after: basePrices(config.pricing) });
    if (old.billingTier !== config.billingTier) tierFlips.push({ ...ref(config), from: old.billingTier, to: config.billingTier });
    if (!old.healthGated && config.healthGated) newlyGated.push(ref(config));
    if (old.healthGated && !config.healthGated) newlyUngated.push(ref(config));
  }
  const removed = (previous?.configs ?? []).filter((config) => !next.byId.has(config.id)).map(ref);
  return { fromVersion: previous?.version ?? null, toVersion: next.version, at, added, removed, repriced, tierFlips, newlyGated, newlyUngated, retired, reinstated, expiring };
}

/** True when a diff records no change at all. */
export function isEmptyDiff(diff: CatalogueDiff): boolean {
  return [diff.added, diff.removed, diff.repriced, diff.tierFlips, diff.newlyGated, diff.newlyUngated, diff.retired, diff.reinstated, diff.expiring].every((list) => list.length === 0);
}
