import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import type { CatalogueConfig } from './types.js';

/** Where the OpenRouter part of a catalogue version came from. */
export type CatalogueOrigin =
  /** Fetched from OpenRouter by this process. */
  | 'live'
  /** The last-good catalogue persisted in DATA_DIR by an earlier run. */
  | 'persisted'
  /** The OpenRouter snapshot shipped with the package (used offline on a fresh machine). */
  | 'bundled-snapshot'
  /** Published by another replica through Redis. */
  | 'shared'
  /** Operator YAML only (OpenRouter integration disabled). */
  | 'operator-only';

/**
 * One immutable version of the catalogue. Readers take a version once per request and see
 * exactly its configs; a refresh builds a new version and swaps it in whole.
 */
export interface CatalogueVersion {
  /** Increases by one with each version this process serves. */
  readonly version: number;
  /** Content hash of the served configs: equal for equal catalogues, across processes. */
  readonly etag: string;
  readonly origin: CatalogueOrigin;
  /** Unix ms when this version was built and swapped in. */
  readonly createdAt: number;
  /** Unix ms when its OpenRouter model list was fetched upstream (null for operator-only). */
  readonly fetchedAt: number | null;
  /** Unix ms of the last health enrichment folded into this version, null before the first. */
  readonly enrichedAt: number | null;
  readonly configs: readonly CatalogueConfig[];
  readonly byId: ReadonlyMap<number, CatalogueConfig>;
  /** Its configs counted by tier, source and gating, once for all readers. */
  readonly counts: VersionCounts;
}

/** How many configs a version has (the virtual Auto entry is never among them). */
export interface VersionCounts {
  readonly total: number;
  readonly free: number;
  readonly premium: number;
  readonly operatorYaml: number;
  /** OpenRouter configs, the retired ones included. */
  readonly openRouter: number;
  readonly gated: number;
  /** Configs served as RETIRED (gone from OpenRouter's list, in their grace). */
  readonly retired: number;
}

/** A version before it is indexed and counted. */
export type NewVersionInput = Omit<CatalogueVersion, 'byId' | 'counts'>;

/** Freezes a version, indexes its configs by id and counts them. */
export function makeVersion(input: NewVersionInput): CatalogueVersion {
  const configs = Object.isFrozen(input.configs) ? input.configs : Object.freeze([...input.configs]);
  return Object.freeze({
    ...input,
    configs,
    byId: new Map(configs.map((config) => [config.id, config])),
    counts: Object.freeze(countConfigs(configs)),
  });
}

/** What a new version is made of; its number, time and etag are given when it follows another. */
export type VersionDraft = Pick<CatalogueVersion, 'configs' | 'origin' | 'fetchedAt' | 'enrichedAt'>;

/** The version that follows `previous` (null: the first), made at `createdAt` (Unix ms). */
export function nextVersion(previous: CatalogueVersion | null, draft: VersionDraft, createdAt: number): CatalogueVersion {
  return makeVersion({ ...draft, version: (previous?.version ?? 0) + 1, etag: contentHash(draft.configs), createdAt });
}

/**
 * A short content hash of the served configs: equal catalogues get equal tags, in any process. The
 * text hashed is canonical (sorted keys), so how an object was built (live, restored from a file,
 * adopted from another replica) never changes the tag.
 */
export function contentHash(configs: readonly CatalogueConfig[]): string {
  return createHash('sha256').update(stableStringify(configs)).digest('base64url').slice(0, 22);
}

/** Counts configs by tier, source and gating. */
export function countConfigs(configs: readonly CatalogueConfig[]): VersionCounts {
  const counts = { total: configs.length, free: 0, premium: 0, operatorYaml: 0, openRouter: 0, gated: 0, retired: 0 };
  for (const config of configs) {
    if (config.billingTier === 'free') counts.free += 1;
    else counts.premium += 1;
    if (config.source === 'yaml') counts.operatorYaml += 1;
    else if (config.source === 'openrouter') counts.openRouter += 1;
    if (config.healthGated) counts.gated += 1;
    if (config.lifecycle === 'retired') counts.retired += 1;
  }
  return counts;
}

/** OpenRouter configs of the models the last fetched list kept (the retired ones are not in it): what the guards compare a new list with. */
export function listedOpenRouterCount(counts: VersionCounts): number {
  return counts.openRouter - counts.retired;
}

const byModelName = new WeakMap<CatalogueVersion, ReadonlyMap<string, CatalogueConfig>>();

/** The OpenRouter config of a version that serves a model (a listed one before a retired one); null when none does. */
export function openRouterConfigOf(version: CatalogueVersion, modelName: string): CatalogueConfig | null {
  let index = byModelName.get(version);
  if (index === undefined) {
    const built = new Map<string, CatalogueConfig>();
    for (const config of version.configs) {
      if (config.source !== 'openrouter') continue;
      const known = built.get(config.modelName);
      if (known === undefined || (known.lifecycle === 'retired' && config.lifecycle !== 'retired')) built.set(config.modelName, config);
    }
    byModelName.set(version, (index = built));
  }
  return index.get(modelName) ?? null;
}
