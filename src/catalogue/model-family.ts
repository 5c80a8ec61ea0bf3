/**
 * Who made a model and which family it belongs to, read from OpenRouter's ids: `author/slug[:variant]`,
 * `~author/…-latest` for aliases, and canonical slugs that end in a release date
 * (`anthropic/claude-3-7-sonnet-20250219`).
 */

/** The `x` of `x/model`, without an alias's leading `~`; null when the id has no author. */
export function authorSlug(modelId: string): string | null {
  const slash = modelId.indexOf('/');
  if (slash <= 0) return null;
  const author = modelId.startsWith('~') ? modelId.slice(1, slash) : modelId.slice(0, slash);
  return author === '' ? null : author;
}

/** The author's name where the model name carries one: `Anthropic` of `Anthropic: Claude Opus 4.8`. */
export function authorDisplayName(name: string): string | null {
  const colon = name.indexOf(': ');
  if (colon <= 0) return null;
  const author = name.slice(0, colon).trim();
  return author === '' ? null : author;
}

/** Who made a model: the author slug, and its display name where the model name carries one. */
export interface Author {
  readonly slug: string;
  readonly name: string | null;
}

/** The author of an OpenRouter config (operator configs name no author). Made when asked: nothing is stored per config. */
export function configAuthor(config: { readonly source: string; readonly modelName: string; readonly name: string }): Author | null {
  if (config.source !== 'openrouter') return null;
  const slug = authorSlug(config.modelName);
  return slug === null ? null : { slug, name: authorDisplayName(config.name) };
}

/** A release date at the end of a slug: `-20250219`, `-2025-01-25`, `-2411`, `-07-25`, `-0905`. */
const RELEASE_SUFFIX = /(?:-\d{8}|-\d{4}-\d{2}-\d{2}|-\d{2}-\d{2}|-\d{4})$/;
/** A word that names a version or a size rather than the family: `3`, `4.6`, `v2`, `k2`, `70b`, `r1`, `a3b`, `2507`. */
const VERSION_WORD = /^(?:v?\d+(?:\.\d+)*[a-z]?|[a-z]\d+(?:\.\d+)*[a-z]?|\d+[a-z]\d+[a-z]?)$/;

/**
 * The family of a model: its author, the words of its slug that are not versions, sizes or dates,
 * and its variant. `anthropic/claude-3.5-sonnet`, `anthropic/claude-3-7-sonnet-20250219` and
 * `anthropic/claude-sonnet-4.6` are all `anthropic/claude-sonnet`; `…:free` variants are a family apart.
 */
export function familyKey(modelId: string, canonicalSlug: string | null): string | null {
  const author = authorSlug(modelId);
  if (author === null) return null;
  const colon = modelId.indexOf(':');
  const variant = colon < 0 ? '' : modelId.slice(colon);
  const slug = (canonicalSlug ?? modelId).replace(/^~/, '');
  const rest = slug.slice(slug.indexOf('/') + 1).split(':')[0]!.replace(RELEASE_SUFFIX, '');
  const words = rest.split('-').filter((word) => word !== '' && !VERSION_WORD.test(word) && word !== 'latest');
  return words.length === 0 ? null : `${author}/${words.join('-')}${variant}`;
}
