import type { SelectorEntryFragment } from '../api/gql/graphql';

/** Who a model is listed under in the selector. */
export interface Author {
  /** Grouping key, lower case (`anthropic`); empty for Auto. */
  readonly key: string;
  /** What a person reads (`Anthropic`). */
  readonly name: string;
}

export const AUTO_AUTHOR: Author = { key: '', name: 'Auto' };

/**
 * The author of a config: the `x` of an `x/model` model name (else the provider), displayed as the
 * `Name:` prefix its display name carries when it has one (`Anthropic: Claude …`).
 *
 * The schema has no author yet; when `LlmConfig.author` arrives (issue 16) this function reads it
 * instead, and is the only place to change: everything else groups and filters through it.
 */
export function authorOf(config: Pick<SelectorEntryFragment, 'source' | 'modelName' | 'name' | 'provider'>): Author {
  if (config.source === 'AUTO') return AUTO_AUTHOR;
  const slash = config.modelName.indexOf('/');
  // `~google/gemini-pro-latest` is OpenRouter's alias of a Google model: listed under Google.
  const key = (slash > 0 ? config.modelName.slice(0, slash) : config.provider).toLowerCase().replace(/^~/, '');
  const colon = config.name.indexOf(': ');
  return { key, name: colon > 0 ? config.name.slice(0, colon) : key };
}
