import type { Modality } from '../openrouter/model-details.js';
import { hasCapability, type Capability } from './capabilities.js';
import { AUTO_ENTRY } from './config-factory.js';
import type { Lifecycle } from './lifecycle.js';
import { configAuthor } from './model-family.js';
import type { BillingTier, CatalogueConfig, ConfigSource } from './types.js';

/** Longest accepted search or author text: longer input is a client error, not a reason to scan. */
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
  /** Author slug, case-insensitive (`anthropic`). */
  readonly author?: string | null;
  /** Accepts every one of these input modalities. */
  readonly inputModality?: readonly Modality[] | null;
  /** Context window of at least this many tokens (an unknown window does not match). */
  readonly minContextLength?: number | null;
  /** Prompt price at most this (USD per million tokens; an unknown price does not match). */
  readonly maxPromptPrice?: number | null;
  /** Has every one of these capabilities. */
  readonly capability?: readonly Capability[] | null;
  /** In any of these lifecycle stages. */
  readonly lifecycle?: readonly Lifecycle[] | null;
}

/** Benchmark indices a list can be ordered by (Artificial Analysis). */
export type BenchmarkIndex = 'intelligence' | 'coding' | 'agentic';

/** List orders: the catalogue's own (operator configs, then OpenRouter payload order), or by a field. */
export type ConfigOrder = 'catalogue' | 'quality-desc' | 'id' | 'name' | 'newest' | 'price-asc' | 'context-desc' | `${BenchmarkIndex}-desc`;

/** Whether a config meets the filter, but for its texts (`provider`, `search`, `author`: compared with the list's lower-cased texts). */
function matches(config: CatalogueConfig, filter: ConfigFilter): boolean {
  if (filter.tier != null && config.billingTier !== filter.tier) return false;
  if (filter.routerPoolEligible != null && config.routerPoolEligible !== filter.routerPoolEligible) return false;
  if (filter.source != null && config.source !== filter.source) return false;
  if (filter.includeGated === false && config.healthGated) return false;
  if (filter.inputModality && !filter.inputModality.every((modality) => config.inputModalities.includes(modality))) return false;
  if (filter.minContextLength != null && !(config.contextLength !== null && config.contextLength >= filter.minContextLength)) return false;
  if (filter.maxPromptPrice != null && !(config.pricing.prompt !== null && config.pricing.prompt <= filter.maxPromptPrice)) return false;
  if (filter.capability && !filter.capability.every((capability) => hasCapability(config, capability))) return false;
  if (filter.lifecycle && !filter.lifecycle.includes(config.lifecycle)) return false;
  return true;
}

/** The value of a benchmark index; null when the model has none. */
export function benchmarkIndex(config: CatalogueConfig, index: BenchmarkIndex): number | null {
  return config.details.artificialAnalysis?.[index] ?? null;
}

/** Orders by a value, highest (or lowest) first; configs without one last. Ties keep catalogue order (Array#sort is stable). */
function by(value: (config: CatalogueConfig) => number | null, direction: 1 | -1): (a: CatalogueConfig, b: CatalogueConfig) => number {
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x === y ? 0 : (x < y ? -1 : 1) * direction;
  };
}

const COMPARATORS: Record<Exclude<ConfigOrder, 'catalogue'>, (a: CatalogueConfig, b: CatalogueConfig) => number> = {
  // Ties keep catalogue order (Array#sort is stable).
  'quality-desc': (a, b) => b.qualityScore - a.qualityScore,
  id: (a, b) => a.id - b.id,
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  newest: by((c) => c.releasedAt, -1),
  'price-asc': (a, b) => by((c) => c.pricing.prompt, 1)(a, b) || by((c) => c.pricing.completion, 1)(a, b),
  'context-desc': by((c) => c.contextLength, -1),
  'intelligence-desc': by((c) => benchmarkIndex(c, 'intelligence'), -1),
  'coding-desc': by((c) => benchmarkIndex(c, 'coding'), -1),
  'agentic-desc': by((c) => benchmarkIndex(c, 'agentic'), -1),
};

/** A version's configs in one order, with the lower-cased texts filters compare, side by side. */
interface OrderedConfigs {
  readonly configs: readonly CatalogueConfig[];
  readonly names: readonly string[];
  readonly modelNames: readonly string[];
  readonly providers: readonly string[];
  /** Author slugs; null for configs without an author (operator configs, Auto). */
  readonly authors: readonly (string | null)[];
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
    found = { configs: sorted, names: sorted.map((c) => c.name.toLowerCase()), modelNames: sorted.map((c) => c.modelName.toLowerCase()), providers: sorted.map((c) => c.provider.toLowerCase()), authors: sorted.map((c) => configAuthor(c)?.slug.toLowerCase() ?? null) };
    byOrder.set(order, found);
  }
  return found;
}

/** Filters and orders configs for a listing. The input is not modified. */
export function queryConfigs(configs: readonly CatalogueConfig[], filter: ConfigFilter = {}, order: ConfigOrder = 'catalogue'): CatalogueConfig[] {
  const search = filter.search ? filter.search.toLowerCase() : null;
  const provider = filter.provider ? filter.provider.toLowerCase() : null;
  const author = filter.author ? filter.author.toLowerCase() : null;
  const list = ordered(configs, order);
  const selected: CatalogueConfig[] = [];
  for (let index = 0; index < list.configs.length; index += 1) {
    const config = list.configs[index]!;
    if (provider !== null && list.providers[index] !== provider) continue;
    if (author !== null && list.authors[index] !== author) continue;
    if (search !== null && !list.names[index]!.includes(search) && !list.modelNames[index]!.includes(search)) continue;
    if (matches(config, filter)) selected.push(config);
  }
  return selected;
}

/**
 * Whether the virtual Auto entry belongs in a listing with this filter: it must meet the filter by its
 * own served facts (tier FREE, source and provider AUTO, name "Auto (Fastest)", model name "auto",
 * text input, tool calling, ACTIVE, no author, no known context window or price), so a listing
 * filtered to PREMIUM, to another source or provider, to an author, to image input, a minimum context
 * or a price cap, or searched for text not in its names, leaves it out.
 */
export function autoEntryMatches(filter: ConfigFilter): boolean {
  return queryConfigs([AUTO_ENTRY], filter).length === 1;
}
