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

function matches(config: CatalogueConfig, filter: ConfigFilter, search: string | null, provider: string | null): boolean {
  if (filter.tier != null && config.billingTier !== filter.tier) return false;
  if (filter.routerPoolEligible != null && config.routerPoolEligible !== filter.routerPoolEligible) return false;
  if (filter.source != null && config.source !== filter.source) return false;
  if (provider !== null && config.provider.toLowerCase() !== provider) return false;
  if (filter.includeGated === false && config.healthGated) return false;
  if (search !== null && !config.name.toLowerCase().includes(search) && !config.modelName.toLowerCase().includes(search)) return false;
  return true;
}

const COMPARATORS: Record<Exclude<ConfigOrder, 'catalogue'>, (a: CatalogueConfig, b: CatalogueConfig) => number> = {
  // Ties keep catalogue order (Array#sort is stable).
  'quality-desc': (a, b) => b.qualityScore - a.qualityScore,
  id: (a, b) => a.id - b.id,
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
};

/** Filters and orders configs for a listing. The input is not modified. */
export function queryConfigs(configs: readonly CatalogueConfig[], filter: ConfigFilter = {}, order: ConfigOrder = 'catalogue'): CatalogueConfig[] {
  const search = filter.search ? filter.search.toLowerCase() : null;
  const provider = filter.provider ? filter.provider.toLowerCase() : null;
  const selected = configs.filter((config) => matches(config, filter, search, provider));
  return order === 'catalogue' ? selected : selected.sort(COMPARATORS[order]);
}
