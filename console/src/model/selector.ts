import type { SelectorEntryFragment, Tier } from '../api/gql/graphql';
import { authorOf, type Author } from './author';
import { CAPABILITIES } from './capabilities';

export interface SelectorFilter {
  /** Case-insensitive text in the name or model name: the API's `filter.search`, applied here. */
  readonly search: string;
  readonly tier: Tier | null;
  /** Ids of capabilities (capabilities.ts) a config must all have. */
  readonly capabilities: readonly string[];
  readonly hideGated: boolean;
}

export const NO_FILTER: SelectorFilter = { search: '', tier: null, capabilities: [], hideGated: false };

export function matchesFilter(config: SelectorEntryFragment, filter: SelectorFilter): boolean {
  if (filter.tier !== null && config.tier !== filter.tier) return false;
  if (filter.hideGated && config.healthGated) return false;
  for (const id of filter.capabilities) if (!CAPABILITIES.find((capability) => capability.id === id)?.has(config)) return false;
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
  /** Authors A–Z (a person looks a name up), models best first inside each. */
  readonly groups: readonly AuthorGroup[];
  /** Configs shown, Auto not counted. */
  readonly shown: number;
}

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
      // Some names carry no `Author:` prefix; the group takes the display name of one that does.
      if (group.author.name === group.author.key && author.name !== author.key) group.author = author;
    }
    shown += 1;
  }
  const sorted = [...groups.values()].sort((a, b) => a.author.name.localeCompare(b.author.name, 'en', { sensitivity: 'base' }) || a.author.key.localeCompare(b.author.key));
  return { auto, groups: sorted, shown };
}
