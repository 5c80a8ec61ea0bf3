import type { SelectorEntryFragment } from '../api/gql/graphql';

/** Who a model is listed under in the selector. */
export interface Author {
  /** Grouping key: the API's author slug (`anthropic`); empty for Auto, `~operator` for operator configs. */
  readonly key: string;
  /** What a person reads (`Anthropic`). */
  readonly name: string;
}

export const AUTO_AUTHOR: Author = { key: '', name: 'Auto' };
/** Operator configs name no author (the API's `author` is null): they are listed together, first. */
export const OPERATOR_AUTHOR: Author = { key: '~operator', name: 'Curated by the operator' };

/**
 * The author of a config, as the API names it: its `author.slug` groups, its display name
 * (`Anthropic` of `Anthropic: Claude …`) is shown where the API has one, else the slug.
 */
export function authorOf(config: Pick<SelectorEntryFragment, 'source' | 'author'>): Author {
  if (config.source === 'AUTO') return AUTO_AUTHOR;
  if (!config.author) return OPERATOR_AUTHOR;
  return { key: config.author.slug.toLowerCase(), name: config.author.name ?? config.author.slug };
}

/** Whether `author` carries only its slug: a group takes the display name of a model that has one. */
export function hasDisplayName(author: Author): boolean {
  return author.name !== author.key;
}
