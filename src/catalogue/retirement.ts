import type { OpenRouterSettings } from '../config/openrouter-settings.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import type { BuiltCatalogue } from './build.js';
import { openRouterConfig } from './config-factory.js';
import { billingTier } from './generate.js';
import { familyKey } from './model-family.js';
import type { CatalogueConfig } from './types.js';

/**
 * Retirement: a model the catalogue served that a newer OpenRouter list no longer keeps stays served
 * for `retirement_grace_days` as RETIRED (so threads pinned to it keep working and selectors can warn),
 * with its id, the time it left, and a successor when one can be named; then it is removed. A model
 * that comes back is served as listed again, with the id the original's rules give it (the same one,
 * as ids are hashed from the model id).
 *
 * Retirement records live in the version's basis, so they are persisted and shared with replicas, and
 * a restart or another replica serves the same retired configs.
 */

/** A model no longer in OpenRouter's list, still served during its grace. */
export interface RetiredModel {
  /** The model as OpenRouter last listed it. */
  readonly model: OpenRouterModel;
  /** The id it was served with. */
  readonly id: number;
  /** Unix ms of the fetch of the first list that no longer kept it. */
  readonly retiredAt: number;
}

const DAY_MS = 86_400_000;

/** What a version served, enough to tell what a new list retires. */
export interface ServedBefore {
  readonly configs: readonly CatalogueConfig[];
  /** The OpenRouter models behind its listed configs. */
  readonly models: readonly OpenRouterModel[];
  /** Its retirement records. */
  readonly retired: readonly RetiredModel[];
}

/**
 * The retirement records after a new list: the earlier ones, then one for each listed OpenRouter
 * config served before that the new list does not keep (in catalogue order), retired at `at`. A
 * model the new list keeps again is no longer retired.
 */
export function retirementsAfter(before: ServedBefore, built: BuiltCatalogue, at: number): RetiredModel[] {
  const listed = new Set(built.models.map((model) => model.id));
  const byId = new Map(before.models.map((model) => [model.id, model]));
  const records = before.retired.filter((record) => !listed.has(record.model.id));
  const known = new Set(records.map((record) => record.model.id));
  for (const config of before.configs) {
    if (config.source !== 'openrouter' || config.lifecycle === 'retired' || listed.has(config.modelName) || known.has(config.modelName)) continue;
    const model = byId.get(config.modelName);
    if (model === undefined) continue;
    records.push({ model, id: config.id, retiredAt: at });
    known.add(config.modelName);
  }
  return records;
}

/** A built catalogue with the retired configs it serves appended, and the records still in their grace. */
export interface WithRetired extends BuiltCatalogue {
  readonly retired: readonly RetiredModel[];
}

/**
 * Appends a retired config for each record still in its grace at `nowSeconds` whose model is not
 * listed again and whose id no listed config holds (ids never repeat in a version); the other
 * records are dropped. At most `max_models` records are kept, the most recent ones.
 */
export function withRetired(built: BuiltCatalogue, records: readonly RetiredModel[], settings: OpenRouterSettings, nowSeconds: number): WithRetired {
  const graceMs = settings.retirementGraceDays * DAY_MS;
  const listed = new Set(built.models.map((model) => model.id));
  const taken = new Set(built.configs.map((config) => config.id));
  const kept = graceMs > 0 ? records.filter((record) => record.retiredAt + graceMs > nowSeconds * 1000 && !listed.has(record.model.id)).slice(-settings.maxModels) : [];
  if (kept.length === 0) return { ...built, retired: [] };
  const successors = successorFinder(built.configs);
  const litellmParams = Object.freeze({ ...settings.litellmParams });
  const retired: RetiredModel[] = [];
  const configs = [...built.configs];
  for (const record of kept) {
    if (taken.has(record.id)) continue;
    taken.add(record.id);
    retired.push(record);
    const retirement = { at: record.retiredAt, successorId: successors(record.model) };
    configs.push(openRouterConfig(record.model, settings, { id: record.id, tier: billingTier(record.model), litellmParams, nowSeconds, retired: retirement }));
  }
  return { ...built, configs: Object.freeze(configs), retired };
}

/**
 * Names the config that replaces a retired model among the listed OpenRouter configs: the model its
 * alias pointed at, else the newest model of the same author and family (model-family.ts) released
 * after it (an older model is no successor). Aliases are not successors by family: they move.
 */
function successorFinder(configs: readonly CatalogueConfig[]): (model: OpenRouterModel) => number | null {
  const listed = configs.filter((config) => config.source === 'openrouter');
  const byModelName = new Map(listed.map((config) => [config.modelName, config]));
  const newestByFamily = new Map<string, CatalogueConfig>();
  for (const config of listed) {
    if (config.modelName.startsWith('~')) continue;
    const family = familyKey(config.modelName, config.details.canonicalSlug);
    const newest = family === null ? undefined : newestByFamily.get(family);
    if (family !== null && (newest === undefined || (config.releasedAt ?? -Infinity) > (newest.releasedAt ?? -Infinity))) newestByFamily.set(family, config);
  }
  return (model) => {
    const target = model.details.aliasTarget === null ? undefined : byModelName.get(model.details.aliasTarget);
    if (target !== undefined) return target.id;
    const family = familyKey(model.id, model.details.canonicalSlug);
    const newest = family === null ? undefined : newestByFamily.get(family);
    if (newest === undefined || newest.modelName === model.id) return null;
    const retiredRelease = model.created === null ? -Infinity : model.created * 1000;
    return (newest.releasedAt ?? -Infinity) > retiredRelease ? newest.id : null;
  };
}
