import type { Capability, Lifecycle, SelectorEntryFragment, Tier } from '../api/gql/graphql';
import { authorOf, hasDisplayName, OPERATOR_AUTHOR, type Author } from './author';
import { LIFECYCLE_ORDER } from './lifecycles';

/**
 * What the selector preview is narrowed to. Each condition is the one the API's `LlmConfigFilter`
 * has under the same name, applied here to the list already read (the browser tests compare both).
 */
export interface SelectorFilter {
  /** Case-insensitive text in the name or model name: the API's `search`. */
  readonly search: string;
  readonly tier: Tier | null;
  /** Capabilities a config must all have: the API's `capability`. */
  readonly capabilities: readonly Capability[];
  /** Stages shown: the API's `lifecycle` (a config in any of them); all of them shows every config. */
  readonly lifecycles: readonly Lifecycle[];
  readonly hideGated: boolean;
}

export const NO_FILTER: SelectorFilter = { search: '', tier: null, capabilities: [], lifecycles: LIFECYCLE_ORDER, hideGated: false };

export function matchesFilter(config: SelectorEntryFragment, filter: SelectorFilter): boolean {
  if (filter.tier !== null && config.tier !== filter.tier) return false;
  if (filter.hideGated && config.healthGated) return false;
  if (!filter.lifecycles.includes(config.lifecycle)) return false;
  for (const capability of filter.capabilities) if (!config.capabilities.list.includes(capability)) return false;
  const search = filter.search.trim().toLowerCase();
  return search === '' || config.name.toLowerCase().includes(search) || config.modelName.toLowerCase().includes(search);
}

export interface AuthorGroup {
  readonly author: Author;
  /** Best first, as the API ranks them. */
  readonly configs: readonly SelectorEntryFragment[];
}

export interface SelectorView {
  /** The virtual Auto entry, listed first, when it matches the filter. */
  readonly auto: SelectorEntryFragment | null;
  /** Operator configs first (Auto prefers them), then authors A–Z (a person looks a name up), models best first inside each. */
  readonly groups: readonly AuthorGroup[];
  /** Configs shown, Auto not counted. */
  readonly shown: number;
}

const byName = (a: AuthorGroup, b: AuthorGroup) =>
  Number(b.author === OPERATOR_AUTHOR) - Number(a.author === OPERATOR_AUTHOR) || a.author.name.localeCompare(b.author.name, 'en', { sensitivity: 'base' }) || a.author.key.localeCompare(b.author.key);

/** The selector list for a filter: `configs` as the API ranks them (QUALITY_DESC, Auto first). */
export function selectorView(configs: readonly SelectorEntryFragment[], filter: SelectorFilter): SelectorView {
  let auto: SelectorEntryFragment | null = null;
  const groups = new Map<string, { author: Author; configs: SelectorEntryFragment[] }>();
  let shown = 0;
  for (const config of configs) {
    if (!matchesFilter(config, filter)) continue;
    if (config.source === 'AUTO') {
      auto = config;
      continue;
    }
    const author = authorOf(config);
    const group = groups.get(author.key);
    if (!group) groups.set(author.key, { author, configs: [config] });
    else {
      group.configs.push(config);
      // Some names carry no `Author:` prefix (the API's author name is null): the group takes the name of one that does.
      if (!hasDisplayName(group.author) && hasDisplayName(author)) group.author = author;
    }
    shown += 1;
  }
  return { auto, groups: [...groups.values()].sort(byName), shown };
}
