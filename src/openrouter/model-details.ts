import { hasUnprintable, SERVED_INT_MAX } from '../input/served-range.js';

/**
 * The facts of one OpenRouter model that a model selector shows and no catalogue rule reads: its
 * canonical slug, release and retirement dates, reasoning support, default sampling parameters,
 * every kind of price with the conditional overrides, and benchmark results.
 *
 * Each fact is read on its own and leniently: a fact that is missing, malformed or that the API
 * could not serve (a lone surrogate, a number past the Int range, Infinity) becomes null or is left
 * out of its list, and never costs the model its place (only the rule fields can do that, see
 * models-payload.ts). Lists are bounded, and repeated strings are kept once.
 */

/** Modalities OpenRouter documents for inputs and outputs that a selector can show; others are left out. */
export const MODALITIES = ['text', 'image', 'file', 'audio', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Reasoning efforts OpenRouter lists, weakest first; others are left out. */
export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

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
/** A price as OpenRouter sends it: USD per unit, as a decimal string (sometimes a number). Read by the catalogue. */
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

export interface ModelReasoning {
  /** True when the model always reasons (it cannot be turned off). */
  readonly mandatory: boolean | null;
  readonly enabledByDefault: boolean | null;
  readonly efforts: readonly ReasoningEffort[];
  readonly defaultEffort: ReasoningEffort | null;
}

export interface DefaultParameters {
  readonly temperature: number | null;
  readonly topP: number | null;
  readonly topK: number | null;
  readonly frequencyPenalty: number | null;
  readonly presencePenalty: number | null;
  readonly repetitionPenalty: number | null;
}

export interface ArtificialAnalysisIndices {
  readonly intelligence: number | null;
  readonly coding: number | null;
  readonly agentic: number | null;
}

/**
 * Design Arena results, by column: result `i` is `names[i]` (`arena/category`) with ELO, win rate
 * (percent) and rank at `scores[3i]`, `scores[3i + 1]` and `scores[3i + 2]`, NaN where unknown. A
 * list of numbers is one block of memory where objects would be one each: a 100× list carries
 * 145,000 results, which as objects cost three times as much.
 */
export interface DesignArenaResults {
  readonly names: readonly string[];
  readonly scores: readonly number[];
}

export interface DesignArenaResult {
  readonly arena: string;
  readonly category: string;
  readonly elo: number;
  readonly winRate: number | null;
  readonly rank: number | null;
}

/** The results of a column store, one object each (made when they are served). */
export function designArenaResults(results: DesignArenaResults | null): DesignArenaResult[] {
  if (results === null) return [];
  return results.names.map((name, index) => {
    const slash = name.indexOf('/');
    const [elo, winRate, rank] = [results.scores[3 * index]!, results.scores[3 * index + 1]!, results.scores[3 * index + 2]!];
    return { arena: name.slice(0, slash), category: name.slice(slash + 1), elo, winRate: Number.isNaN(winRate) ? null : winRate, rank: Number.isNaN(rank) ? null : rank };
  });
}

/** Everything a selector shows beyond the rule fields; each part null when OpenRouter says nothing usable. */
export interface ModelDetails {
  readonly canonicalSlug: string | null;
  readonly huggingFaceId: string | null;
  readonly maxCompletionTokens: number | null;
  /** `YYYY-MM-DD`. */
  readonly knowledgeCutoff: string | null;
  /** `YYYY-MM-DD`: the day OpenRouter stops serving the model. */
  readonly expirationDate: string | null;
  /** The model id a `~…-latest` alias points at. */
  readonly aliasTarget: string | null;
  readonly reasoning: ModelReasoning | null;
  readonly defaultParameters: DefaultParameters | null;
  /** The base prices besides `prompt` and `completion` (which the rules read, see OpenRouterModel). */
  readonly prices: RawPrices | null;
  readonly priceConditions: PriceConditions | null;
  /** Benchmark indices of Artificial Analysis. */
  readonly artificialAnalysis: ArtificialAnalysisIndices | null;
  readonly designArena: DesignArenaResults | null;
}

export const NO_DETAILS: ModelDetails = Object.freeze({
  canonicalSlug: null,
  huggingFaceId: null,
  maxCompletionTokens: null,
  knowledgeCutoff: null,
  expirationDate: null,
  aliasTarget: null,
  reasoning: null,
  defaultParameters: null,
  prices: null,
  priceConditions: null,
  artificialAnalysis: null,
  designArena: null,
});

/** At most this many conditional prices per model (real models have one). */
export const MAX_PRICE_OVERRIDES = 16;
/** At most this many Design Arena results per model (real models have up to 7). */
export const MAX_ARENA_RESULTS = 32;
/** Arena and category names are short words; longer ones (or with a `/`) are left out. */
const MAX_ARENA_NAME_LENGTH = 64;

/**
 * What the models of one list share: each set of benchmark names, each set of default parameters
 * and each day (knowledge cutoffs, expiration dates) is kept once. A real list has a few dozen of
 * each for hundreds of models.
 */
export interface SharedValues {
  readonly arenaNames: Map<string, readonly string[]>;
  readonly defaultParameters: Map<string, DefaultParameters>;
  readonly days: Map<string, string>;
}

export function sharedValues(): SharedValues {
  return { arenaNames: new Map(), defaultParameters: new Map(), days: new Map() };
}

function sharedDay(value: unknown, shared: SharedValues): string | null {
  const day = calendarDay(value);
  if (day === null) return null;
  const known = shared.days.get(day);
  if (known !== undefined) return known;
  shared.days.set(day, day);
  return day;
}

const NONE: readonly never[] = Object.freeze([]);

/** Shared copies of known strings, so a 100× list does not hold a copy per model. */
function table<T extends string>(values: readonly T[]): ReadonlyMap<unknown, T> {
  return new Map(values.map((value) => [value, value]));
}
const EFFORT = table(REASONING_EFFORTS);
const PRICE_KEY = table<PriceKind>(['prompt', 'completion', ...EXTRA_PRICE_KINDS]);
const CONDITION_KEYS = new Set(['min_prompt_tokens', 'utc_start', 'utc_end']);

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A printable, non-empty string, or null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && !hasUnprintable(value) ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** A whole number served as an Int, from `min`. */
function servedInt(value: unknown, min: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= SERVED_INT_MAX ? value : null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The `YYYY-MM-DD` of a real calendar day (a time after it is dropped), or null. */
export function calendarDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** A UTC time of day `HH:MM` (or `HH:MM:SS`, seconds dropped) from 00:00 to 24:00, or null. */
export function timeOfDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0))) return null;
  return `${match[1]}:${match[2]}`;
}

/** One frozen list per combination of modalities, in MODALITIES order: every model with the same ones shares it. */
const MODALITY_LISTS: readonly (readonly Modality[])[] = Array.from({ length: 1 << MODALITIES.length }, (_, mask) => Object.freeze(MODALITIES.filter((_m, bit) => (mask & (1 << bit)) !== 0)));

/** The input or output modalities of `architecture` that a selector can show, in MODALITIES order. */
export function modalities(values: unknown): readonly Modality[] {
  if (!Array.isArray(values)) return MODALITY_LISTS[0]!;
  let mask = 0;
  for (const value of values) {
    const index = MODALITIES.indexOf(value as Modality);
    if (index >= 0) mask |= 1 << index;
  }
  return MODALITY_LISTS[mask]!;
}

/** A price value as sent: a string or a number (what it is worth is the catalogue's question). */
function rawPrice(value: unknown): RawPrice | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}

function readPrices(source: Record<string, unknown>, kinds: readonly PriceKind[]): RawPrices {
  let prices: Partial<Record<PriceKind, RawPrice>> | null = null;
  for (const kind of kinds) {
    const value = rawPrice(source[kind]);
    if (value !== undefined) (prices ??= {})[kind] = value;
  }
  return prices ?? NONE_PRICES;
}
const NONE_PRICES: RawPrices = Object.freeze({});

/**
 * One override, or null when it cannot be read: not an object, a condition of the wrong type or out
 * of range, a time window with one end, no condition at all (it would silently replace the base
 * price), or a key that is neither a known condition nor a known price (it may be a condition this
 * server does not know, so applying the override could charge the wrong price).
 */
function readOverride(value: unknown): RawPriceOverride | null {
  const entry = record(value);
  if (entry === null) return null;
  for (const key of Object.keys(entry)) if (!CONDITION_KEYS.has(key) && !PRICE_KEY.has(key)) return null;
  const minPromptTokens = entry.min_prompt_tokens === undefined ? null : servedInt(entry.min_prompt_tokens, 0);
  if (entry.min_prompt_tokens !== undefined && minPromptTokens === null) return null;
  const utcStart = entry.utc_start === undefined ? null : timeOfDay(entry.utc_start);
  const utcEnd = entry.utc_end === undefined ? null : timeOfDay(entry.utc_end);
  if ((entry.utc_start !== undefined && utcStart === null) || (entry.utc_end !== undefined && utcEnd === null) || (utcStart === null) !== (utcEnd === null)) return null;
  if (minPromptTokens === null && utcStart === null) return null;
  const prices = readPrices(entry, [...PRICE_KEY.values()]);
  for (const kind of Object.keys(entry)) if (PRICE_KEY.has(kind) && rawPrice(entry[kind]) === undefined) return null;
  return Object.freeze({ minPromptTokens, utcStart, utcEnd, prices });
}

function readPriceConditions(pricing: Record<string, unknown>): PriceConditions | null {
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

/** One frozen list per combination of efforts, weakest first (OpenRouter lists them strongest first). */
const EFFORT_LISTS: readonly (readonly ReasoningEffort[])[] = Array.from({ length: 1 << REASONING_EFFORTS.length }, (_, mask) => Object.freeze(REASONING_EFFORTS.filter((_e, bit) => (mask & (1 << bit)) !== 0)));

function efforts(values: unknown): readonly ReasoningEffort[] {
  let mask = 0;
  for (const value of Array.isArray(values) ? values : NONE) {
    const index = REASONING_EFFORTS.indexOf(value as ReasoningEffort);
    if (index >= 0) mask |= 1 << index;
  }
  return EFFORT_LISTS[mask]!;
}

function readReasoning(value: unknown): ModelReasoning | null {
  const reasoning = record(value);
  if (reasoning === null) return null;
  return Object.freeze({
    mandatory: flag(reasoning.mandatory),
    enabledByDefault: flag(reasoning.default_enabled),
    efforts: efforts(reasoning.supported_efforts),
    defaultEffort: EFFORT.get(reasoning.default_effort) ?? null,
  });
}

/** The default parameters, each set kept once per list (a real list has a few dozen sets for hundreds of models). */
function readDefaultParameters(value: unknown, shared: SharedValues): DefaultParameters | null {
  const params = record(value);
  if (params === null) return null;
  const read = {
    temperature: finite(params.temperature),
    topP: finite(params.top_p),
    topK: finite(params.top_k),
    frequencyPenalty: finite(params.frequency_penalty),
    presencePenalty: finite(params.presence_penalty),
    repetitionPenalty: finite(params.repetition_penalty),
  };
  const values = Object.values(read);
  if (values.every((v) => v === null)) return null;
  const key = values.join(',');
  const known = shared.defaultParameters.get(key);
  if (known !== undefined) return known;
  const frozen = Object.freeze(read);
  shared.defaultParameters.set(key, frozen);
  return frozen;
}

function readDesignArena(value: unknown, shared: SharedValues): DesignArenaResults | null {
  const names: string[] = [];
  const scores: number[] = [];
  for (const entry of Array.isArray(value) ? value : NONE) {
    if (names.length >= MAX_ARENA_RESULTS) break;
    const result = record(entry);
    const arena = arenaName(result?.arena);
    const category = arenaName(result?.category);
    const elo = finite(result?.elo);
    if (arena === null || category === null || elo === null) continue;
    const winRate = finite(result!.win_rate);
    names.push(`${arena}/${category}`);
    scores.push(elo, winRate !== null && winRate >= 0 && winRate <= 100 ? winRate : Number.NaN, servedInt(result!.rank, 1) ?? Number.NaN);
  }
  // Sliced to their length (push leaves spare room); never frozen: freezing makes a list of numbers one of boxed values.
  if (names.length === 0) return null;
  const key = names.join('\n');
  let sharedNames = shared.arenaNames.get(key);
  if (sharedNames === undefined) shared.arenaNames.set(key, (sharedNames = Object.freeze(names)));
  return Object.freeze({ names: sharedNames, scores: scores.slice() });
}

function readArtificialAnalysis(value: unknown): ArtificialAnalysisIndices | null {
  const indices = record(value);
  if (indices === null) return null;
  const read = { intelligence: finite(indices.intelligence_index), coding: finite(indices.coding_index), agentic: finite(indices.agentic_index) };
  return read.intelligence === null && read.coding === null && read.agentic === null ? null : Object.freeze(read);
}

function arenaName(value: unknown): string | null {
  const read = text(value);
  return read === null || read.length > MAX_ARENA_NAME_LENGTH || read.includes('/') ? null : read;
}



/**
 * The details of one model object (already known to be an object with a valid id). `shared` is
 * shared by the models of one list, so repeated values are kept once.
 */
export function readModelDetails(item: Record<string, unknown>, shared: SharedValues): ModelDetails {
  const pricing = record(item.pricing);
  const benchmarks = record(item.benchmarks);
  const extraPrices = pricing === null ? NONE_PRICES : readPrices(pricing, EXTRA_PRICE_KINDS);
  const details: ModelDetails = {
    // Half the canonical slugs of a real list are the id itself: then the id's string is kept, not a second copy.
    canonicalSlug: item.canonical_slug === item.id ? (item.id as string) : text(item.canonical_slug),
    huggingFaceId: text(item.hugging_face_id),
    maxCompletionTokens: servedInt(record(item.top_provider)?.max_completion_tokens, 1),
    knowledgeCutoff: sharedDay(item.knowledge_cutoff, shared),
    expirationDate: sharedDay(item.expiration_date, shared),
    aliasTarget: text(record(item.alias_target)?.slug),
    reasoning: readReasoning(item.reasoning),
    defaultParameters: readDefaultParameters(item.default_parameters, shared),
    prices: extraPrices === NONE_PRICES ? null : extraPrices,
    priceConditions: pricing === null ? null : readPriceConditions(pricing),
    artificialAnalysis: readArtificialAnalysis(benchmarks?.artificial_analysis),
    designArena: readDesignArena(benchmarks?.design_arena, shared),
  };
  return Object.values(details).every((v) => v === null) ? NO_DETAILS : Object.freeze(details);
}

function longPrice(prices: RawPrices, max: number): boolean {
  return Object.values(prices).some((value) => typeof value === 'string' && value.length > max);
}

function shortPrices(prices: RawPrices, max: number): RawPrices {
  return Object.freeze(Object.fromEntries(Object.entries(prices).filter(([, value]) => !(typeof value === 'string' && value.length > max))));
}

/**
 * The details with every string longer than `max` (the operator's `max_string_length`) left out: a
 * long slug becomes null, a long price text an unknown price. The same object when none is that long.
 */
export function boundDetails(details: ModelDetails, max: number): ModelDetails {
  const long = (value: string | null) => value !== null && value.length > max;
  const { prices, priceConditions: conditions } = details;
  const longPrices = (prices !== null && longPrice(prices, max)) || (conditions !== null && conditions.overrides.some((override) => longPrice(override.prices, max)));
  if (!long(details.canonicalSlug) && !long(details.huggingFaceId) && !long(details.aliasTarget) && !longPrices) return details;
  return Object.freeze({
    ...details,
    canonicalSlug: long(details.canonicalSlug) ? null : details.canonicalSlug,
    huggingFaceId: long(details.huggingFaceId) ? null : details.huggingFaceId,
    aliasTarget: long(details.aliasTarget) ? null : details.aliasTarget,
    prices: prices === null || !longPrices ? prices : shortPrices(prices, max),
    priceConditions:
      conditions === null || !longPrices ? conditions : Object.freeze({ ...conditions, overrides: conditions.overrides.map((override) => Object.freeze({ ...override, prices: shortPrices(override.prices, max) })) }),
  });
}
