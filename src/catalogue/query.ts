import type { BillingTier, CatalogueConfig, ConfigSource } from './types.js';

/** Longest accepted search text: longer input is a client error, not a reason to scan. */
export const MAX_SEARCH_LENGTH = 200;

export interface ConfigFilter {
  readonly tier?: BillingTier | null;
  readonly routerPoolEligible?: boolean | null;
  readonly source?: ConfigSource | null;
  /** Provider name, case-insensitive (`openrouter` matches `OPENROUTER`). */
  readonly provider?: string | null;
  /** Include health-gated configs (default true, as the original lists them). */
  readonly includeGated?: boolean | null;
  /** Case-insensitive substring of the name or the model name. */
  readonly search?: string | null;
}

/** List orders: the catalogue's own (operator configs, then OpenRouter payload order), or by a field. */
export type ConfigOrder = 'catalogue' | 'quality-desc' | 'id' | 'name';

const COMPARATORS: Record<Exclude<ConfigOrder, 'catalogue'>, (a: CatalogueConfig, b: CatalogueConfig) => number> = {
  // Ties keep catalogue order (Array#sort is stable).
  'quality-desc': (a, b) => b.qualityScore - a.qualityScore,
  id: (a, b) => a.id - b.id,
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
};

/** A version's configs in one order, with the lower-cased texts filters compare, side by side. */
interface OrderedConfigs {
  readonly configs: readonly CatalogueConfig[];
  readonly names: readonly string[];
  readonly modelNames: readonly string[];
  readonly providers: readonly string[];
}

/**
 * Orders and lower-cased texts of a list of configs, computed once per list: a version's list is
 * frozen, and a listing filters the same configs on every request (lower-casing two names per config
 * per search was most of the cost of a filtered listing). Filtering a list sorted once keeps the order
 * a sort after filtering would give (the sort is stable).
 */
const indexes = new WeakMap<readonly CatalogueConfig[], Map<ConfigOrder, OrderedConfigs>>();

function ordered(configs: readonly CatalogueConfig[], order: ConfigOrder): OrderedConfigs {
  let byOrder = indexes.get(configs);
  if (!byOrder) {
    byOrder = new Map();
    // Only frozen lists are indexed: a list that can change would serve a stale index.
    if (Object.isFrozen(configs)) indexes.set(configs, byOrder);
  }
  let found = byOrder.get(order);
  if (!found) {
    const sorted = order === 'catalogue' ? configs : [...configs].sort(COMPARATORS[order]);
    found = { configs: sorted, names: sorted.map((c) => c.name.toLowerCase()), modelNames: sorted.map((c) => c.modelName.toLowerCase()), providers: sorted.map((c) => c.provider.toLowerCase()) };
    byOrder.set(order, found);
  }
  return found;
}

/** Filters and orders configs for a listing. The input is not modified. */
export function queryConfigs(configs: readonly CatalogueConfig[], filter: ConfigFilter = {}, order: ConfigOrder = 'catalogue'): CatalogueConfig[] {
  const search = filter.search ? filter.search.toLowerCase() : null;
  const provider = filter.provider ? filter.provider.toLowerCase() : null;
  const { tier, routerPoolEligible, source } = filter;
  const excludeGated = filter.includeGated === false;
  const list = ordered(configs, order);
  const selected: CatalogueConfig[] = [];
  for (let index = 0; index < list.configs.length; index += 1) {
    const config = list.configs[index]!;
    if (tier != null && config.billingTier !== tier) continue;
    if (routerPoolEligible != null && config.routerPoolEligible !== routerPoolEligible) continue;
    if (source != null && config.source !== source) continue;
    if (provider !== null && list.providers[index] !== provider) continue;
    if (excludeGated && config.healthGated) continue;
    if (search !== null && !list.names[index]!.includes(search) && !list.modelNames[index]!.includes(search)) continue;
    selected.push(config);
  }
  return selected;
}
