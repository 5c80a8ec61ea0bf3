import type { PriceConditions, PriceKind, RawPrice, RawPriceOverride, RawPrices } from '../openrouter/model-prices.js';
import { pythonFloat } from './python-float.js';

/**
 * What a model costs: every kind of price OpenRouter lists (token prices in USD per million tokens,
 * the others in USD per unit), the discount and the conditional overrides (cost-estimate.ts prices a
 * request with them).
 * A price is null when it is unknown: missing, unparseable, negative (OpenRouter's `-1`), or too
 * large to serve as a finite number.
 *
 * A config carries its prompt and completion prices (what its score, tier, changes and orderings
 * read); the whole price sheet is made from its details the first time it is asked for and kept as
 * long as the config (23,000 configs of a 100× list would otherwise carry 23,000 sheets nobody read).
 */

/** Prompt and completion prices in USD per million tokens; null when unknown or unparseable. */
export interface PricingPerMillion {
  readonly prompt: number | null;
  readonly completion: number | null;
}

/** Prices by kind. Token prices are per million tokens; `image`, `request` and `webSearch` per unit. */
export interface Prices {
  readonly prompt: number | null;
  readonly completion: number | null;
  readonly inputCacheRead: number | null;
  readonly inputCacheWrite: number | null;
  readonly inputCacheWriteOneHour: number | null;
  readonly internalReasoning: number | null;
  readonly audio: number | null;
  readonly audioOutput: number | null;
  readonly inputAudioCache: number | null;
  readonly imageToken: number | null;
  readonly imageOutput: number | null;
  /** USD per input image. */
  readonly image: number | null;
  /** USD per request. */
  readonly request: number | null;
  /** USD per web search. */
  readonly webSearch: number | null;
}
export type PriceField = keyof Prices;

/** A conditional price: it applies when every condition it names holds; the prices it omits stay the base ones. */
export interface PriceOverride {
  /** Applies when a request has at least this many prompt tokens. */
  readonly minPromptTokens: number | null;
  /** Applies from `utcStart` (inclusive) to `utcEnd` (exclusive), UTC times of day `HH:MM`; a window may wrap past midnight. */
  readonly utcStart: string | null;
  readonly utcEnd: string | null;
  readonly prices: Readonly<Partial<Prices>>;
}

export interface PriceSheet extends Prices {
  /** A fraction (0–1) taken off every price. */
  readonly discount: number | null;
  readonly overrides: readonly PriceOverride[];
  /** False when some override could not be read (left out): the cost of a request may then differ from what the prices say. */
  readonly overridesComplete: boolean;
}

/** OpenRouter's key of each price field, and whether it is a per-token price (scaled to per million). */
const KINDS: readonly (readonly [PriceField, PriceKind, boolean])[] = [
  ['prompt', 'prompt', true],
  ['completion', 'completion', true],
  ['inputCacheRead', 'input_cache_read', true],
  ['inputCacheWrite', 'input_cache_write', true],
  ['inputCacheWriteOneHour', 'input_cache_write_1h', true],
  ['internalReasoning', 'internal_reasoning', true],
  ['audio', 'audio', true],
  ['audioOutput', 'audio_output', true],
  ['inputAudioCache', 'input_audio_cache', true],
  ['imageToken', 'image_token', true],
  ['imageOutput', 'image_output', true],
  ['image', 'image', false],
  ['request', 'request', false],
  ['webSearch', 'web_search', false],
];

const NO_OVERRIDES: readonly PriceOverride[] = Object.freeze([]);

/**
 * A per-token price as USD per million tokens; null when unknown: unparseable, negative, non-finite,
 * or so large that the per-million value overflows to Infinity (1e308 per token), which cannot be served.
 */
export function perMillion(perToken: unknown): number | null {
  const value = pythonFloat(perToken);
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  // Scale through a decimal string: 0.0000025 * 1e6 is 2.4999999999999996 in binary floating point.
  const scaled = Number((value * 1_000_000).toPrecision(12));
  return Number.isFinite(scaled) ? scaled : null;
}

/** A per-unit price in USD; null when unknown (unparseable, negative or non-finite). */
export function perUnit(value: unknown): number | null {
  const parsed = pythonFloat(value);
  return parsed === null || !Number.isFinite(parsed) || parsed < 0 ? null : parsed;
}

function price(raw: RawPrice | null | undefined, perToken: boolean): number | null {
  if (raw === undefined || raw === null) return null;
  return perToken ? perMillion(raw) : perUnit(raw);
}

/**
 * A price sheet, every field written out in one literal: objects built key by key (or spread from
 * such) fall into V8's dictionary mode past a dozen keys and cost ~600 bytes instead of ~150.
 */
function pricesOf(price: (field: PriceField, kind: PriceKind, perToken: boolean) => number | null, discount: number | null, overrides: readonly PriceOverride[], overridesComplete: boolean): PriceSheet {
  return Object.freeze({
    prompt: price('prompt', 'prompt', true),
    completion: price('completion', 'completion', true),
    inputCacheRead: price('inputCacheRead', 'input_cache_read', true),
    inputCacheWrite: price('inputCacheWrite', 'input_cache_write', true),
    inputCacheWriteOneHour: price('inputCacheWriteOneHour', 'input_cache_write_1h', true),
    internalReasoning: price('internalReasoning', 'internal_reasoning', true),
    audio: price('audio', 'audio', true),
    audioOutput: price('audioOutput', 'audio_output', true),
    inputAudioCache: price('inputAudioCache', 'input_audio_cache', true),
    imageToken: price('imageToken', 'image_token', true),
    imageOutput: price('imageOutput', 'image_output', true),
    image: price('image', 'image', false),
    request: price('request', 'request', false),
    webSearch: price('webSearch', 'web_search', false),
    discount,
    overrides,
    overridesComplete,
  });
}

function overridePrices(raw: RawPrices): Partial<Prices> {
  const prices: Partial<Record<PriceField, number | null>> = {};
  for (const [field, kind, perToken] of KINDS) if (raw[kind] !== undefined) prices[field] = price(raw[kind], perToken);
  return Object.freeze(prices);
}

function override(raw: RawPriceOverride): PriceOverride {
  return Object.freeze({ minPromptTokens: raw.minPromptTokens, utcStart: raw.utcStart, utcEnd: raw.utcEnd, prices: overridePrices(raw.prices) });
}

/** The price sheet of an OpenRouter model: its prompt and completion prices, and the others from its details. */
function openRouterSheet(base: PricingPerMillion, { prices, priceConditions: conditions }: PricedConfig['details']): PriceSheet {
  const extra = prices ?? {};
  return pricesOf(
    (field, kind, perToken) => (field === 'prompt' ? base.prompt : field === 'completion' ? base.completion : price(extra[kind], perToken)),
    conditions?.discount ?? null,
    conditions && conditions.overrides.length > 0 ? Object.freeze(conditions.overrides.map(override)) : NO_OVERRIDES,
    (conditions?.unreadableOverrides ?? 0) === 0,
  );
}

/** LiteLLM's model-cost keys an operator config may set in `litellm_params`, by price field (all per token but `image` and `request`). */
const LITELLM_KEYS: Readonly<Partial<Record<PriceField, string>>> = {
  prompt: 'input_cost_per_token',
  completion: 'output_cost_per_token',
  inputCacheRead: 'cache_read_input_token_cost',
  inputCacheWrite: 'cache_creation_input_token_cost',
  internalReasoning: 'output_cost_per_reasoning_token',
  audio: 'input_cost_per_audio_token',
  audioOutput: 'output_cost_per_audio_token',
  image: 'input_cost_per_image',
  request: 'input_cost_per_request',
};

/** The prompt and completion prices of an operator config (LiteLLM's keys in its `litellm_params`). */
export function operatorPricing(params: Readonly<Record<string, unknown>>): PricingPerMillion {
  return Object.freeze({ prompt: perMillion(params.input_cost_per_token), completion: perMillion(params.output_cost_per_token) });
}

/** The price sheet of an operator config, from the LiteLLM cost keys of its `litellm_params` (the others are null). */
function operatorSheet(params: Readonly<Record<string, unknown>>): PriceSheet {
  return pricesOf(
    (field, _kind, perToken) => {
      const key = LITELLM_KEYS[field];
      return key === undefined ? null : price(params[key] as RawPrice | null | undefined, perToken);
    },
    null,
    NO_OVERRIDES,
    true,
  );
}

const sheets = new WeakMap<object, PriceSheet>();

/** What `priceSheet` reads of a config. */
export interface PricedConfig {
  readonly source: 'yaml' | 'openrouter' | 'auto';
  readonly pricing: PricingPerMillion;
  readonly litellmParams: Readonly<Record<string, unknown>>;
  readonly details: { readonly prices: RawPrices | null; readonly priceConditions: PriceConditions | null };
}

/** Every price of a config, made on first use and kept with it. */
export function priceSheet(config: PricedConfig): PriceSheet {
  let sheet = sheets.get(config);
  if (sheet === undefined) {
    sheet = config.source === 'yaml' ? operatorSheet(config.litellmParams) : openRouterSheet(config.pricing, config.details);
    sheets.set(config, sheet);
  }
  return sheet;
}
