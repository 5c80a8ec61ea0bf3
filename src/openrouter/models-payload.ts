import { z } from 'zod';
import { UpstreamError } from './http.js';

/**
 * Validation of OpenRouter's `GET /api/v1/models` body: a strict envelope (an object with a
 * `data` array, else the whole fetch fails) around lenient items (a model that does not fit is
 * dropped with its reason and never sinks the catalogue). Unknown fields are ignored, and only
 * the fields a rule reads are checked, so OpenRouter adding or reshaping other fields is harmless.
 */

const priceValue = z.union([z.string(), z.number()]).nullish();

const modelItemSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  created: z.number().nullish(),
  context_length: z.number().nullish(),
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
  readonly inputModalities: readonly string[];
  readonly supportedParameters: readonly unknown[];
  /** Raw `pricing.prompt`/`pricing.completion`: `undefined` when the key is absent, as sent otherwise. */
  readonly promptPrice: string | number | null | undefined;
  readonly completionPrice: string | number | null | undefined;
}

/** A model object that failed validation: its position, its id when readable, and why. */
export interface DroppedModel {
  readonly index: number;
  readonly id: string | null;
  readonly reason: string;
}

export interface ParsedModelsPayload {
  readonly models: OpenRouterModel[];
  readonly dropped: DroppedModel[];
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
  const models: OpenRouterModel[] = [];
  const dropped: DroppedModel[] = [];
  data.forEach((item: unknown, index) => {
    const result = modelItemSchema.safeParse(item);
    if (result.success) {
      models.push(toModel(result.data));
    } else {
      const issue = result.error.issues[0]!;
      const path = ['data', index, ...issue.path].map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
      dropped.push({ index, id: readableId(item), reason: `${path}: ${issue.message}` });
    }
  });
  return { models, dropped };
}

function toModel(item: ModelItem): OpenRouterModel {
  return {
    id: item.id,
    name: item.name ?? null,
    created: item.created ?? null,
    contextLength: item.context_length ?? null,
    outputModalities: item.architecture?.output_modalities ?? null,
    inputModalities: item.architecture?.input_modalities ?? [],
    supportedParameters: item.supported_parameters ?? [],
    promptPrice: item.pricing?.prompt,
    completionPrice: item.pricing?.completion,
  };
}

function readableId(item: unknown): string | null {
  if (item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') return (item as { id: string }).id;
  return null;
}

/** A short JSON type name for error messages ("null", "an array", "a string", ...). */
export function describeJsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
