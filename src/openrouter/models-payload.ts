import { z } from 'zod';
import { printableString, SERVED_INT_MAX } from '../input/served-range.js';
import { formatPath } from '../input/zod-issues.js';
import { parseJsonBody, UpstreamError } from './http.js';
import { forEachDataElement } from './json-envelope.js';
import { knownList, listsOf, modalities, readModelDetails, sharedValues, type Modality, type ModelDetails } from './model-details.js';

/**
 * Validation of OpenRouter's `GET /api/v1/models` body: a strict envelope (an object with a
 * `data` array, else the whole fetch fails) around lenient items (a model that does not fit is
 * dropped with its reason and never sinks the catalogue). Unknown fields are ignored, and only
 * the fields a rule reads are checked, so OpenRouter adding or reshaping other fields is harmless.
 * The facts a model selector shows besides them are read leniently, each on its own (model-details.ts).
 */

// zod's number() already refuses Infinity, which JSON.parse makes of 1e400.
const priceValue = z.union([z.string(), z.number()]).nullish();

/**
 * An id is a key (stable ids are hashed from its UTF-8 bytes, `/endpoints` URLs are built from it), so
 * one with control characters or a lone surrogate (which UTF-8 cannot encode faithfully) is refused.
 * A name is shown in every model selector, where control characters (terminal escapes, line breaks)
 * have no business either.
 */

/** Served as the API's Int: a window that is fractional, negative or past 2^31 − 1 cannot be served. */
const contextLength = z
  .number()
  .refine((value) => Number.isInteger(value) && value >= 0 && value <= SERVED_INT_MAX, { error: `must be a whole number of tokens from 0 to ${SERVED_INT_MAX}` });

const modelItemSchema = z.object({
  id: printableString,
  name: printableString.nullish(),
  created: z.number().nullish(),
  context_length: contextLength.nullish(),
  architecture: z
    .object({
      output_modalities: z.array(z.string()).nullish(),
      input_modalities: z.array(z.string()).nullish(),
    })
    .nullish(),
  supported_parameters: z.array(z.unknown()).nullish(),
  pricing: z
    .object({
      prompt: priceValue,
      completion: priceValue,
    })
    .nullish(),
});

type ModelItem = z.infer<typeof modelItemSchema>;

/** The fields of one OpenRouter model that the catalogue rules read. */
export interface OpenRouterModel {
  readonly id: string;
  readonly name: string | null;
  readonly created: number | null;
  readonly contextLength: number | null;
  /** null when `architecture.output_modalities` is absent. */
  readonly outputModalities: readonly string[] | null;
  /** The input modalities a selector can show (a rule reads `image`), in a fixed order. */
  readonly inputModalities: readonly Modality[];
  /** The supported parameters a rule or a capability reads (tools, structured outputs, reasoning, web search); others are not kept. */
  readonly supportedParameters: readonly string[];
  /** Raw `pricing.prompt`/`pricing.completion`: `undefined` when the key is absent, as sent otherwise. */
  readonly promptPrice?: string | number | null | undefined;
  readonly completionPrice?: string | number | null | undefined;
  /** What a model selector shows besides: never a reason to drop the model. */
  readonly details: ModelDetails;
}

/** A model object that failed validation: its position, its id when readable, and why. */
export interface DroppedModel {
  readonly index: number;
  readonly id: string | null;
  readonly reason: string;
}

export interface ParsedModelsPayload {
  readonly models: OpenRouterModel[];
  /** The first MAX_DROPPED_RECORDS malformed model objects, with their reasons. */
  readonly dropped: DroppedModel[];
  /** How many model objects were malformed in all, when more than `dropped` records (default: `dropped.length`). */
  readonly malformedCount?: number;
}

/**
 * Most entries a model list may have; the real list has about 340. Bodies are capped at 32 MiB, but
 * 10 million `{}` fit in that and cost minutes and gigabytes to validate one by one.
 */
export const MAX_LIST_ENTRIES = 100_000;
/** How many malformed models are recorded with their reasons; the rest are only counted. */
export const MAX_DROPPED_RECORDS = 100;

/**
 * Parses and validates a body straight from its bytes, one model at a time (see json-envelope.ts),
 * so only the fields the rules read stay in memory. Throws UpstreamError ('not-json' or
 * 'bad-shape') with the same messages as `parseModelsPayload(JSON.parse(bytes))`. `secrets` are
 * redacted from the body excerpt of a 'not-json' message (see bodyExcerpt).
 */
export function parseModelsBody(bytes: Uint8Array, where = 'GET /api/v1/models', secrets: readonly (string | null | undefined)[] = []): ParsedModelsPayload {
  const collector = new ModelCollector(where);
  if (forEachDataElement(bytes, (item, index) => collector.add(item, index))) return collector.result();
  return parseModelsPayload(parseJsonBody(bytes, where, secrets), where);
}

/** Validates an already-parsed JSON body. Throws UpstreamError ('bad-shape') when the envelope is wrong. */
export function parseModelsPayload(body: unknown, where = 'GET /api/v1/models'): ParsedModelsPayload {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new UpstreamError('bad-shape', `${where}: body is ${describeJsonType(body)}, expected an object with a "data" array`);
  }
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) {
    throw new UpstreamError('bad-shape', `${where}: "data" is ${describeJsonType(data)}, expected an array of models`);
  }
  const collector = new ModelCollector(where);
  data.forEach((item: unknown, index) => collector.add(item, index));
  return collector.result();
}

/** Validates model objects one by one, keeping the valid ones and the reasons for the first invalid ones. */
class ModelCollector {
  private readonly models: OpenRouterModel[] = [];
  private readonly dropped: DroppedModel[] = [];
  private malformedCount = 0;
  /** Values repeated across the models of this list, each kept once. */
  private readonly shared = sharedValues();

  constructor(private readonly where: string) {}

  add(item: unknown, index: number): void {
    if (index >= MAX_LIST_ENTRIES) throw new UpstreamError('too-large', `${this.where}: the list has more than ${MAX_LIST_ENTRIES} model objects`);
    const result = modelItemSchema.safeParse(item);
    if (result.success) {
      this.models.push(toModel(result.data, readModelDetails(item as Record<string, unknown>, this.shared)));
      return;
    }
    this.malformedCount += 1;
    if (this.dropped.length >= MAX_DROPPED_RECORDS) return;
    const issue = result.error.issues[0]!;
    this.dropped.push({ index, id: readableId(item), reason: `${formatPath(['data', index, ...issue.path])}: ${issue.message}` });
  }

  result(): ParsedModelsPayload {
    return { models: this.models, dropped: this.dropped, malformedCount: this.malformedCount };
  }
}

/**
 * The supported parameters the rules and capabilities read. Only these are kept, as one shared
 * frozen list per combination: a 100× catalogue otherwise holds half a million copies of strings
 * like "top_p", and a list per model.
 */
const KNOWN_PARAMETERS = ['tools', 'structured_outputs', 'response_format', 'reasoning', 'include_reasoning', 'reasoning_effort', 'web_search_options'] as const;
const PARAMETER_LISTS = listsOf<string>(KNOWN_PARAMETERS);

const TEXT_ONLY: readonly string[] = Object.freeze(['text']);

/** The rule only asks whether this is exactly ["text"]: two entries answer it as well as a million (and the usual answer is shared). */
function outputModalities(values: readonly string[] | null | undefined): readonly string[] | null {
  if (values === null || values === undefined) return null;
  return values.length === 1 && values[0] === 'text' ? TEXT_ONLY : values.slice(0, 2);
}

function toModel(item: ModelItem, details: ModelDetails): OpenRouterModel {
  return {
    id: item.id,
    name: item.name ?? null,
    created: item.created ?? null,
    contextLength: item.context_length ?? null,
    outputModalities: outputModalities(item.architecture?.output_modalities),
    inputModalities: modalities(item.architecture?.input_modalities),
    supportedParameters: knownList<string>(item.supported_parameters, KNOWN_PARAMETERS, PARAMETER_LISTS),
    promptPrice: item.pricing?.prompt,
    completionPrice: item.pricing?.completion,
    details,
  };
}

/** Longest id a DroppedModel quotes: a dropped model's id is upstream text and may be huge. */
const DROPPED_ID_CHARS = 120;

function readableId(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || typeof (item as { id?: unknown }).id !== 'string') return null;
  const id = (item as { id: string }).id;
  return id.length > DROPPED_ID_CHARS ? `${id.slice(0, DROPPED_ID_CHARS)}…` : id;
}

/** A short JSON type name for error messages ("null", "an array", "a string", ...). */
export function describeJsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
