import type { CuratedModel } from '../config/operator-config.js';
import type { OpenRouterSettings } from '../config/openrouter-settings.js';
import { SERVED_TIME_MAX_MS } from '../input/served-range.js';
import { modalities, NO_DETAILS } from '../openrouter/model-details.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import { AUTO_CONFIG_ID } from './auto-pick.js';
import { OPERATOR_REASONING, openRouterReasoning } from './capabilities.js';
import { listedLifecycle, startOfDay } from './lifecycle.js';
import { operatorPricing, perMillion } from './pricing.js';
import { scoreOpenRouterModel, scoreOperatorConfig } from './scoring.js';
import type { BillingTier, CatalogueConfig, StaticScoreBreakdown } from './types.js';

/**
 * Every config is made here: an OpenRouter model, an operator-curated model and the virtual Auto
 * entry each set only the fields they decide; the others take neutral defaults, and the scores of a
 * new config (no health known yet) are derived from its static score, all in makeConfig.
 */

/** Fields every kind of config decides; all others may be left to their neutral defaults. */
type DecidedField =
  | 'id'
  | 'name'
  | 'description'
  | 'source'
  | 'billingTier'
  | 'anonymousEnabled'
  | 'quotaReserveTokens'
  | 'provider'
  | 'modelName'
  | 'hasCredential'
  | 'routerPoolEligible'
  | 'autoPinTier'
  | 'staticBreakdown';

/** Fields derived from the others: a new config has no health, so it serves its static score. */
type DerivedField = 'qualityScoreStatic' | 'qualityScore' | 'qualityScoreHealth' | 'healthGated' | 'health';

export type ConfigFields = Pick<CatalogueConfig, DecidedField> & Partial<Omit<CatalogueConfig, DecidedField | DerivedField>>;

const NO_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_PRICES = operatorPricing(NO_PARAMS);
const TEXT = modalities(['text']);
const TEXT_AND_IMAGE = modalities(['text', 'image']);

/**
 * A frozen config from the fields its kind decides. Every field is written out here, once, in one
 * literal: V8 then gives every config the same shape, which keeps generating 23,000 configs fast.
 */
export function makeConfig(fields: ConfigFields): CatalogueConfig {
  const total = fields.staticBreakdown.total;
  return Object.freeze({
    id: fields.id,
    name: fields.name,
    description: fields.description,
    source: fields.source,
    billingTier: fields.billingTier,
    anonymousEnabled: fields.anonymousEnabled,
    seoEnabled: fields.seoEnabled ?? false,
    seoSlug: fields.seoSlug ?? null,
    seoTitle: fields.seoTitle ?? null,
    seoDescription: fields.seoDescription ?? null,
    quotaReserveTokens: fields.quotaReserveTokens,
    provider: fields.provider,
    modelName: fields.modelName,
    apiBase: fields.apiBase ?? '',
    hasCredential: fields.hasCredential,
    rpm: fields.rpm ?? null,
    tpm: fields.tpm ?? null,
    litellmParams: fields.litellmParams ?? NO_PARAMS,
    systemInstructions: fields.systemInstructions ?? '',
    useDefaultSystemInstructions: fields.useDefaultSystemInstructions ?? true,
    citationsEnabled: fields.citationsEnabled ?? true,
    routerPoolEligible: fields.routerPoolEligible,
    autoPinTier: fields.autoPinTier,
    contextLength: fields.contextLength ?? null,
    pricing: fields.pricing ?? NO_PRICES,
    supportsTools: fields.supportsTools ?? true,
    supportsImageInput: fields.supportsImageInput ?? false,
    reasoning: fields.reasoning ?? null,
    supportsStructuredOutputs: fields.supportsStructuredOutputs ?? false,
    supportsWebSearch: fields.supportsWebSearch ?? false,
    details: fields.details ?? NO_DETAILS,
    inputModalities: fields.inputModalities ?? TEXT,
    outputModalities: fields.outputModalities ?? TEXT,
    maxCompletionTokens: fields.maxCompletionTokens ?? null,
    releasedAt: fields.releasedAt ?? null,
    expiresAt: fields.expiresAt ?? null,
    lifecycle: fields.lifecycle ?? 'active',
    retiredAt: fields.retiredAt ?? null,
    successorId: fields.successorId ?? null,
    qualityScoreStatic: total,
    staticBreakdown: fields.staticBreakdown,
    // A new config has no health yet, so it serves its static score.
    qualityScore: total,
    qualityScoreHealth: null,
    healthGated: false,
    health: null,
  });
}

/** What an OpenRouter config takes besides its model: its claimed id, its tier and the shared params. */
export interface OpenRouterConfigInput {
  readonly id: number;
  readonly tier: BillingTier;
  /** One frozen copy shared by every config of a generation. */
  readonly litellmParams: Readonly<Record<string, unknown>>;
  readonly nowSeconds: number;
  /** For a model no longer listed (retirement.ts): when it left the list, and the config that replaces it. */
  readonly retired?: { readonly at: number; readonly successorId: number | null };
}

/** Unix ms of a `created` time in Unix seconds, when a date can hold it. */
function releasedAt(created: number | null): number | null {
  if (created === null || !(created >= 0)) return null;
  const ms = created * 1000;
  return ms <= SERVED_TIME_MAX_MS ? ms : null;
}

/**
 * The config of a kept OpenRouter model (reference §1), scored at `nowSeconds` (§2), with what a
 * selector shows besides (its lifecycle judged at the same clock).
 */
export function openRouterConfig(model: OpenRouterModel, settings: OpenRouterSettings, { id, tier, litellmParams, nowSeconds, retired }: OpenRouterConfigInput): CatalogueConfig {
  const isFree = tier === 'free';
  const name = model.name ?? model.id;
  const { details } = model;
  const released = releasedAt(model.created);
  const expiresAt = details.expirationDate === null ? null : startOfDay(details.expirationDate);
  const params = model.supportedParameters;
  return makeConfig({
    id,
    name,
    description: `${name} via OpenRouter`,
    source: 'openrouter',
    billingTier: tier,
    anonymousEnabled: isFree ? settings.anonymousEnabledFree : settings.anonymousEnabledPaid,
    seoEnabled: settings.seoEnabled,
    quotaReserveTokens: settings.quotaReserveTokens,
    provider: 'OPENROUTER',
    modelName: model.id,
    hasCredential: settings.hasApiKey,
    rpm: isFree ? settings.freeRpm : settings.rpm,
    tpm: isFree ? settings.freeTpm : settings.tpm,
    litellmParams,
    systemInstructions: settings.systemInstructions,
    useDefaultSystemInstructions: settings.useDefaultSystemInstructions,
    citationsEnabled: settings.citationsEnabled,
    // Free models share one account-wide OpenRouter quota, so load-balancing across them only drains it faster.
    routerPoolEligible: !isFree,
    autoPinTier: isFree ? 'C' : 'B',
    contextLength: model.contextLength,
    pricing: Object.freeze({ prompt: perMillion(model.promptPrice), completion: perMillion(model.completionPrice) }),
    supportsImageInput: model.inputModalities.includes('image'),
    reasoning: openRouterReasoning(model),
    supportsStructuredOutputs: params.includes('structured_outputs'),
    supportsWebSearch: params.includes('web_search_options'),
    details,
    inputModalities: model.inputModalities,
    outputModalities: modalities(model.outputModalities),
    maxCompletionTokens: details.maxCompletionTokens,
    releasedAt: released,
    expiresAt,
    lifecycle: retired ? 'retired' : listedLifecycle(released, expiresAt, nowSeconds, settings),
    retiredAt: retired?.at ?? null,
    successorId: retired?.successorId ?? null,
    staticBreakdown: scoreOpenRouterModel(model, nowSeconds),
  });
}

/**
 * The config of an operator-curated model (reference §3): what the file says, scored from its
 * provider, its `litellm_params` prices and `max_input_tokens`, and its model name. What OpenRouter
 * would tell about a model the file does not: those fields stay null, except what LiteLLM's model
 * keys in `litellm_params` say (prices, `max_output_tokens`, `supports_reasoning`,
 * `supports_response_schema`, `supports_web_search`).
 */
export function curatedConfig(model: CuratedModel): CatalogueConfig {
  const params = model.litellm_params;
  const maxInputTokens = typeof params.max_input_tokens === 'number' ? params.max_input_tokens : null;
  const maxOutputTokens = typeof params.max_output_tokens === 'number' ? params.max_output_tokens : null;
  const staticBreakdown = scoreOperatorConfig({
    provider: model.provider,
    modelName: model.model_name,
    inputCostPerToken: params.input_cost_per_token,
    outputCostPerToken: params.output_cost_per_token,
    maxInputTokens,
  });
  return makeConfig({
    id: model.id,
    name: model.name,
    description: model.description,
    source: 'yaml',
    billingTier: model.billing_tier,
    anonymousEnabled: model.anonymous_enabled,
    seoEnabled: model.seo_enabled,
    seoSlug: model.seo_slug,
    seoTitle: model.seo_title,
    seoDescription: model.seo_description,
    quotaReserveTokens: model.quota_reserve_tokens,
    provider: model.provider,
    modelName: model.model_name,
    apiBase: model.api_base,
    hasCredential: model.api_key_set,
    rpm: model.rpm,
    tpm: model.tpm,
    litellmParams: Object.freeze({ ...params }),
    systemInstructions: model.system_instructions,
    useDefaultSystemInstructions: model.use_default_system_instructions,
    citationsEnabled: model.citations_enabled,
    routerPoolEligible: model.router_pool_eligible,
    autoPinTier: 'A',
    contextLength: maxInputTokens,
    pricing: operatorPricing(params),
    supportsTools: model.supports_tools,
    supportsImageInput: model.supports_image_input,
    reasoning: params.supports_reasoning === true ? OPERATOR_REASONING : null,
    supportsStructuredOutputs: params.supports_response_schema === true,
    supportsWebSearch: params.supports_web_search === true,
    inputModalities: model.supports_image_input ? TEXT_AND_IMAGE : TEXT,
    maxCompletionTokens: maxOutputTokens,
    staticBreakdown,
  });
}

const NO_SCORE: StaticScoreBreakdown = Object.freeze({ prestige: 0, recency: 0, priceBand: 0, context: 0, capabilities: 0, penalty: 0, operatorBonus: 0, rawTotal: 0, total: 0 });

/**
 * The virtual "Auto (Fastest)" entry (id 0) that the original lists first in the model selector
 * whenever the catalogue has any config. Choosing it lets the server pin each thread to a model.
 */
export const AUTO_ENTRY: CatalogueConfig = makeConfig({
  id: AUTO_CONFIG_ID,
  name: 'Auto (Fastest)',
  description: 'Picks a fast, healthy model for each conversation and keeps it for that conversation',
  source: 'auto',
  billingTier: 'free',
  anonymousEnabled: true,
  quotaReserveTokens: 0,
  provider: 'AUTO',
  modelName: 'auto',
  hasCredential: false,
  routerPoolEligible: false,
  autoPinTier: 'A',
  staticBreakdown: NO_SCORE,
});
