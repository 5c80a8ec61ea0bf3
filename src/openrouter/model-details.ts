import { calendarDay, finite, flag, NONE, record, servedInt, text } from './json-values.js';
import { readArtificialAnalysis, readDesignArena, type ArtificialAnalysisIndices, type DesignArenaResults } from './model-benchmarks.js';
import { hasLongPrice, readExtraPrices, readPriceConditions, shortConditions, shortPrices, type PriceConditions, type RawPrices } from './model-prices.js';

/**
 * The facts of one OpenRouter model that a model selector shows and no catalogue rule reads: its
 * canonical slug, release and retirement dates, reasoning support, default sampling parameters,
 * every kind of price with the conditional overrides (model-prices.ts), and benchmark results
 * (model-benchmarks.ts).
 *
 * Each fact is read on its own and leniently: a fact that is missing, malformed or that the API
 * could not serve (a lone surrogate, a number past the Int range, Infinity) becomes null or is left
 * out of its list, and never costs the model its place (only the rule fields can do that, see
 * models-payload.ts). Lists are bounded, and repeated values are kept once per list.
 */

/** Modalities OpenRouter documents for inputs and outputs that a selector can show; others are left out. */
export const MODALITIES = ['text', 'image', 'file', 'audio', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Reasoning efforts OpenRouter lists, weakest first; others are left out. */
export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

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

/**
 * What the models of one list share: each list of benchmark names, each set of default parameters
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

/** One frozen list per combination, in the order of `values`: every model with the same ones shares it. */
export function listsOf<T>(values: readonly T[]): readonly (readonly T[])[] {
  return Array.from({ length: 1 << values.length }, (_, mask) => Object.freeze(values.filter((_value, bit) => (mask & (1 << bit)) !== 0)));
}

/** The shared list of the known values present in `input`, in the order of `known`. */
export function knownList<T>(input: unknown, known: readonly T[], lists: readonly (readonly T[])[]): readonly T[] {
  let mask = 0;
  for (const value of Array.isArray(input) ? input : NONE) {
    const index = known.indexOf(value as T);
    if (index >= 0) mask |= 1 << index;
  }
  return lists[mask]!;
}

const MODALITY_LISTS = listsOf(MODALITIES);
const EFFORT_LISTS = listsOf(REASONING_EFFORTS);

/** The input or output modalities of `architecture` that a selector can show, in MODALITIES order. */
export function modalities(values: unknown): readonly Modality[] {
  return knownList(values, MODALITIES, MODALITY_LISTS);
}

function readReasoning(value: unknown): ModelReasoning | null {
  const reasoning = record(value);
  if (reasoning === null) return null;
  const defaultEffort = REASONING_EFFORTS.find((effort) => effort === reasoning.default_effort) ?? null;
  // OpenRouter lists the efforts strongest first; they are served weakest first.
  return Object.freeze({ mandatory: flag(reasoning.mandatory), enabledByDefault: flag(reasoning.default_enabled), efforts: knownList(reasoning.supported_efforts, REASONING_EFFORTS, EFFORT_LISTS), defaultEffort });
}

/** The default parameters, each set kept once per list. */
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

/**
 * The details of one model object (already known to be an object with a valid id). `shared` is
 * shared by the models of one list, so repeated values are kept once.
 */
export function readModelDetails(item: Record<string, unknown>, shared: SharedValues): ModelDetails {
  const pricing = record(item.pricing);
  const benchmarks = record(item.benchmarks);
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
    prices: readExtraPrices(pricing),
    priceConditions: readPriceConditions(pricing),
    artificialAnalysis: readArtificialAnalysis(benchmarks?.artificial_analysis),
    designArena: readDesignArena(benchmarks?.design_arena, shared.arenaNames),
  };
  return Object.values(details).every((v) => v === null) ? NO_DETAILS : Object.freeze(details);
}

/**
 * The details with every string longer than `max` (the operator's `max_string_length`) left out: a
 * long slug becomes null, a long price text an unknown price. The same object when none is that long.
 */
export function boundDetails(details: ModelDetails, max: number): ModelDetails {
  const long = (value: string | null) => value !== null && value.length > max;
  const { prices, priceConditions: conditions } = details;
  const longPrices = hasLongPrice(prices, conditions, max);
  if (!long(details.canonicalSlug) && !long(details.huggingFaceId) && !long(details.aliasTarget) && !longPrices) return details;
  return Object.freeze({
    ...details,
    canonicalSlug: long(details.canonicalSlug) ? null : details.canonicalSlug,
    huggingFaceId: long(details.huggingFaceId) ? null : details.huggingFaceId,
    aliasTarget: long(details.aliasTarget) ? null : details.aliasTarget,
    prices: prices === null || !longPrices ? prices : shortPrices(prices, max),
    priceConditions: conditions === null || !longPrices ? conditions : shortConditions(conditions, max),
  });
}
