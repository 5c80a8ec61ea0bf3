import type { PriceSheet, Prices } from './pricing.js';

/**
 * What one request costs at a config's prices: the conditional prices that apply to it (by prompt size
 * and time of day), then the sum, less the discount. Pure: the caller gives the time of the request.
 */

/** A request to price. Token counts are whole and non-negative; cached tokens are part of the prompt tokens. */
export interface CostQuery {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly cachedPromptTokens: number;
  /** When the request is made (Unix ms): needed only by overrides with a time window. */
  readonly at: number | null;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether `at` falls in a UTC window from `start` (inclusive) to `end` (exclusive); equal ends cover the whole day. */
export function inUtcWindow(at: number, start: string, end: string): boolean {
  const date = new Date(at);
  const minute = date.getUTCHours() * 60 + date.getUTCMinutes();
  const [from, to] = [minutesOf(start) % 1440, minutesOf(end) % 1440];
  if (from === to) return true;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * The prices that apply to a request: the base prices with every override whose conditions hold
 * laid over them in order (a later one wins for the prices it sets). Undefined when that depends on
 * the time and `at` is not given.
 */
export function pricesFor(pricing: PriceSheet, query: Pick<CostQuery, 'promptTokens' | 'at'>): Prices | undefined {
  let prices: Prices = pricing;
  for (const { minPromptTokens, utcStart, utcEnd, prices: set } of pricing.overrides) {
    if (minPromptTokens !== null && query.promptTokens < minPromptTokens) continue;
    if (utcStart !== null && utcEnd !== null) {
      if (query.at === null) return undefined;
      if (!inUtcWindow(query.at, utcStart, utcEnd)) continue;
    }
    prices = { ...prices, ...set };
  }
  return prices;
}

/**
 * The cost in USD of one request: prompt tokens not read from the cache at the prompt price, cached
 * ones at the cache-read price (the prompt price when the model lists none), completion tokens at the
 * completion price, plus the per-request price, less the discount. Null when a price it needs is
 * unknown, when an override could not be read or depends on a time not given, or when the result
 * would not be a finite number.
 */
export function estimateCost(pricing: PriceSheet, query: CostQuery): number | null {
  if (!pricing.overridesComplete) return null;
  const prices = pricesFor(pricing, query);
  if (prices === undefined || prices.prompt === null || prices.completion === null) return null;
  const cacheRead = query.cachedPromptTokens > 0 ? (prices.inputCacheRead ?? prices.prompt) : 0;
  const tokens = (query.promptTokens - query.cachedPromptTokens) * prices.prompt + query.cachedPromptTokens * cacheRead + query.completionTokens * prices.completion;
  const cost = (tokens / 1_000_000 + (prices.request ?? 0)) * (1 - (pricing.discount ?? 0));
  return Number.isFinite(cost) ? cost : null;
}
