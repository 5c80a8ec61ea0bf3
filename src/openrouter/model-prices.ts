import { finite, NONE, record, servedInt, timeOfDay } from './json-values.js';

/**
 * The prices of one OpenRouter model besides `prompt` and `completion` (which the rules read), and the
 * conditions that change them: the discount and the conditional overrides. Prices stay as sent (what
 * they are worth is the catalogue's question, src/catalogue/pricing.ts); what cannot be a price is left out.
 */

/** `pricing` keys besides `prompt` and `completion` (OpenRouter's PublicPricing), as OpenRouter names them. */
export const EXTRA_PRICE_KINDS = [
  'request',
  'image',
  'image_token',
  'image_output',
  'audio',
  'audio_output',
  'input_audio_cache',
  'web_search',
  'internal_reasoning',
  'input_cache_read',
  'input_cache_write',
  'input_cache_write_1h',
] as const;
export type ExtraPriceKind = (typeof EXTRA_PRICE_KINDS)[number];
export type PriceKind = 'prompt' | 'completion' | ExtraPriceKind;
/** A price as OpenRouter sends it: USD per unit, as a decimal string (sometimes a number). */
export type RawPrice = string | number;
export type RawPrices = Readonly<Partial<Record<PriceKind, RawPrice>>>;

/** One conditional price: applies when every condition it names holds (OpenRouter's PricingOverride). */
export interface RawPriceOverride {
  /** Applies when a request has at least this many prompt tokens. */
  readonly minPromptTokens: number | null;
  /** Applies from this UTC time of day (`HH:MM`) until `utcEnd`; both or neither. */
  readonly utcStart: string | null;
  readonly utcEnd: string | null;
  /** The prices it sets; the others stay as the base prices. */
  readonly prices: RawPrices;
}

/** What changes a model's prices: rare, so kept apart from the prices themselves. */
export interface PriceConditions {
  /** A fraction from 0 to 1 taken off every price; null when none is sent or it is out of range. */
  readonly discount: number | null;
  readonly overrides: readonly RawPriceOverride[];
  /** Overrides left out because a condition could not be read: the price of a request may then be unknown. */
  readonly unreadableOverrides: number;
}

/** At most this many conditional prices per model (real models have one). */
export const MAX_PRICE_OVERRIDES = 16;

const PRICE_KINDS: readonly PriceKind[] = ['prompt', 'completion', ...EXTRA_PRICE_KINDS];
const PRICE_KEYS: ReadonlySet<string> = new Set(PRICE_KINDS);
const CONDITION_KEYS: ReadonlySet<string> = new Set(['min_prompt_tokens', 'utc_start', 'utc_end']);
export const NO_PRICES: RawPrices = Object.freeze({});

/** A price value as sent: a string or a finite number. */
function rawPrice(value: unknown): RawPrice | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}

/** The prices of `kinds` that `source` has (NO_PRICES when none). */
function readPrices(source: Record<string, unknown>, kinds: readonly PriceKind[]): RawPrices {
  let prices: Partial<Record<PriceKind, RawPrice>> | null = null;
  for (const kind of kinds) {
    const value = rawPrice(source[kind]);
    if (value !== undefined) (prices ??= {})[kind] = value;
  }
  return prices ?? NO_PRICES;
}

/** The base prices besides `prompt` and `completion` of a `pricing` object; null when it has none. */
export function readExtraPrices(pricing: Record<string, unknown> | null): RawPrices | null {
  const prices = pricing === null ? NO_PRICES : readPrices(pricing, EXTRA_PRICE_KINDS);
  return prices === NO_PRICES ? null : prices;
}

/**
 * One override, or null when it cannot be read: not an object, a condition of the wrong type or out
 * of range, a time window with one end, no condition at all (it would silently replace the base
 * price), or a key that is neither a known condition nor a known price (it may be a condition this
 * server does not know, so applying the override could charge the wrong price).
 */
function readOverride(value: unknown): RawPriceOverride | null {
  const entry = record(value);
  if (entry === null) return null;
  for (const key of Object.keys(entry)) if (!CONDITION_KEYS.has(key) && !PRICE_KEYS.has(key)) return null;
  const minPromptTokens = entry.min_prompt_tokens === undefined ? null : servedInt(entry.min_prompt_tokens, 0);
  if (entry.min_prompt_tokens !== undefined && minPromptTokens === null) return null;
  const utcStart = entry.utc_start === undefined ? null : timeOfDay(entry.utc_start);
  const utcEnd = entry.utc_end === undefined ? null : timeOfDay(entry.utc_end);
  if ((entry.utc_start !== undefined && utcStart === null) || (entry.utc_end !== undefined && utcEnd === null) || (utcStart === null) !== (utcEnd === null)) return null;
  if (minPromptTokens === null && utcStart === null) return null;
  for (const key of Object.keys(entry)) if (PRICE_KEYS.has(key) && rawPrice(entry[key]) === undefined) return null;
  return Object.freeze({ minPromptTokens, utcStart, utcEnd, prices: readPrices(entry, PRICE_KINDS) });
}

/** The discount and conditional prices of a `pricing` object; null when it has neither. */
export function readPriceConditions(pricing: Record<string, unknown> | null): PriceConditions | null {
  if (pricing === null) return null;
  const discountValue = finite(pricing.discount);
  const discount = discountValue !== null && discountValue >= 0 && discountValue <= 1 ? discountValue : null;
  const overrides: RawPriceOverride[] = [];
  let unreadableOverrides = 0;
  if (pricing.overrides !== undefined && pricing.overrides !== null) {
    const list = Array.isArray(pricing.overrides) ? pricing.overrides : [pricing.overrides];
    for (const entry of list) {
      const override = overrides.length < MAX_PRICE_OVERRIDES ? readOverride(entry) : null;
      if (override === null) unreadableOverrides += 1;
      else overrides.push(override);
    }
  }
  if (discount === null && overrides.length === 0 && unreadableOverrides === 0) return null;
  return Object.freeze({ discount, overrides: overrides.length > 0 ? Object.freeze(overrides) : NONE, unreadableOverrides });
}

/** Whether some price text of the prices or conditions is longer than `max`. */
export function hasLongPrice(prices: RawPrices | null, conditions: PriceConditions | null, max: number): boolean {
  const long = (set: RawPrices) => Object.values(set).some((value) => typeof value === 'string' && value.length > max);
  return (prices !== null && long(prices)) || (conditions !== null && conditions.overrides.some((override) => long(override.prices)));
}

/** The prices without the price texts longer than `max` (they become unknown prices). */
export function shortPrices(prices: RawPrices, max: number): RawPrices {
  return Object.freeze(Object.fromEntries(Object.entries(prices).filter(([, value]) => !(typeof value === 'string' && value.length > max))));
}

/** The conditions with each override's long price texts left out. */
export function shortConditions(conditions: PriceConditions, max: number): PriceConditions {
  return Object.freeze({ ...conditions, overrides: conditions.overrides.map((override) => Object.freeze({ ...override, prices: shortPrices(override.prices, max) })) });
}
