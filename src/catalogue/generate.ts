import type { OpenRouterSettings } from '../config/openrouter-settings.js';
import { boundDetails } from '../openrouter/model-details.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import { openRouterConfig } from './config-factory.js';
import { claimStableId } from './stable-id.js';
import type { BillingTier, CatalogueConfig } from './types.js';

/** Smallest context window an agent can work with. */
export const MIN_CONTEXT_LENGTH = 100_000;

/** Provider slugs whose tool-call flow OpenRouter cannot relay (Bedrock needs toolConfig with tool history). */
const EXCLUDED_PROVIDER_SLUGS: ReadonlySet<string> = new Set(['amazon']);

/** Ids known to be deprecated, capacity-less, dedicated-only, param-rejecting, or a redundant meta-router. */
const EXCLUDED_MODEL_IDS: ReadonlySet<string> = new Set([
  'openai/gpt-4-1106-preview',
  'openai/gpt-4-turbo-preview',
  'openai/gpt-4o:extended',
  'arcee-ai/virtuoso-large',
  'openai/o3-deep-research',
  'openai/o4-mini-deep-research',
  'openrouter/free',
]);

/**
 * Why a valid model was left out of the catalogue: the original's rules in the order it tests them,
 * then the operator's limits (string lengths first, the model count last).
 */
export type ExclusionReason =
  | 'string-over-max-length'
  | 'over-max-models'
  | 'not-text-only-output'
  | 'no-tool-calling'
  | 'context-below-100k'
  | 'excluded-provider'
  | 'excluded-model'
  | 'no-provider-in-id';

/** The first rule a model fails, or null when it is kept. */
export function exclusionReason(model: OpenRouterModel): ExclusionReason | null {
  const output = model.outputModalities;
  if (output === null || output.length !== 1 || output[0] !== 'text') return 'not-text-only-output';
  if (!model.supportedParameters.includes('tools')) return 'no-tool-calling';
  if ((model.contextLength ?? 0) < MIN_CONTEXT_LENGTH) return 'context-below-100k';
  if (EXCLUDED_PROVIDER_SLUGS.has(providerSlug(model.id))) return 'excluded-provider';
  if (EXCLUDED_MODEL_IDS.has(model.id) || model.id.split(':')[0]!.endsWith('-deep-research')) return 'excluded-model';
  if (!model.id.includes('/')) return 'no-provider-in-id';
  return null;
}

function providerSlug(modelId: string): string {
  const slash = modelId.indexOf('/');
  return slash < 0 ? '' : modelId.slice(0, slash);
}

/**
 * Free when the id ends in `:free`, or when prompt and completion prices, as strings with
 * surrounding whitespace removed, are both exactly "0". Anything else is premium so users are
 * never under-charged ("0.0", a missing price and "-1" are premium).
 */
export function billingTier(model: Pick<OpenRouterModel, 'id' | 'promptPrice' | 'completionPrice'>): BillingTier {
  if (model.id.endsWith(':free')) return 'free';
  return pythonStr(model.promptPrice).trim() === '0' && pythonStr(model.completionPrice).trim() === '0' ? 'free' : 'premium';
}

/** Python's `str()` of a price as the original read it with `pricing.get(key, "")`. */
function pythonStr(value: string | number | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  return String(value);
}

export interface GeneratedOpenRouterConfigs {
  readonly configs: CatalogueConfig[];
  /** The models behind `configs`, in the same order: all a restart needs to generate them again. */
  readonly models: OpenRouterModel[];
  /** Valid models left out, counted by the rule they failed. */
  readonly excluded: Partial<Record<ExclusionReason, number>>;
}

/** The first id, name or price string of a model that is longer than `max`, or null. */
export function overLongField(model: OpenRouterModel, max: number): 'id' | 'name' | 'pricing.prompt' | 'pricing.completion' | null {
  if (model.id.length > max) return 'id';
  if (model.name !== null && model.name.length > max) return 'name';
  if (typeof model.promptPrice === 'string' && model.promptPrice.length > max) return 'pricing.prompt';
  if (typeof model.completionPrice === 'string' && model.completionPrice.length > max) return 'pricing.completion';
  return null;
}

/** The model with the strings a selector shows that are longer than `max` left out (the ones a rule reads are checked by overLongField). */
export function boundedModel(model: OpenRouterModel, max: number): OpenRouterModel {
  const details = boundDetails(model.details, max);
  return details === model.details ? model : { ...model, details };
}

/**
 * Turns validated OpenRouter models into catalogue configs, keeping payload order.
 * `taken` holds ids already claimed in this generation (e.g. by operator configs) and is updated.
 */
export function generateOpenRouterConfigs(
  models: readonly OpenRouterModel[],
  settings: OpenRouterSettings,
  nowSeconds: number,
  taken: Set<number> = new Set(),
): GeneratedOpenRouterConfigs {
  const configs: CatalogueConfig[] = [];
  const kept: OpenRouterModel[] = [];
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  // One frozen copy shared by every config: the original copied the dict per config so they could
  // not alias each other's edits; immutability gives the same guarantee without 23k copies at 100×.
  const litellmParams = Object.freeze({ ...settings.litellmParams });
  for (const model of models) {
    // A 30 MB name would be in every response, change record and data file: such a model is left out.
    let reason: ExclusionReason | null = overLongField(model, settings.maxStringLength) === null ? exclusionReason(model) : 'string-over-max-length';
    // Past the cap the rest are left out whole (never given an id), so ids of the kept ones do not move.
    if (reason === null && configs.length >= settings.maxModels) reason = 'over-max-models';
    if (reason !== null) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    const bounded = boundedModel(model, settings.maxStringLength);
    configs.push(openRouterConfig(bounded, settings, { id: claimStableId(model.id, settings.idOffset, taken), tier: billingTier(model), litellmParams, nowSeconds }));
    kept.push(bounded);
  }
  return { configs, models: kept, excluded };
}
