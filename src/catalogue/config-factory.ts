import type { CuratedModel } from '../config/operator-config.js';
import type { OpenRouterSettings } from '../config/openrouter-settings.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import { AUTO_CONFIG_ID } from './auto-pick.js';
import { pythonFloat } from './python-float.js';
import { scoreOpenRouterModel, scoreOperatorConfig } from './scoring.js';
import type { BillingTier, CatalogueConfig, StaticScoreBreakdown } from './types.js';

/**
 * Every config is made here: an OpenRouter model, an operator-curated model and the virtual Auto
 * entry each set only the fields they decide; the others take neutral defaults, and the scores of a
 * new config (no health known yet) are derived from its static score, all in makeConfig.
 */

/** Fields each kind of config may leave to their neutral defaults. */
type DefaultedField =
  | 'seoEnabled'
  | 'seoSlug'
  | 'seoTitle'
  | 'seoDescription'
  | 'apiBase'
  | 'rpm'
  | 'tpm'
  | 'litellmParams'
  | 'systemInstructions'
  | 'useDefaultSystemInstructions'
  | 'citationsEnabled'
  | 'contextLength'
  | 'pricing'
  | 'supportsTools'
  | 'supportsImageInput';

/** Fields derived from the others: a new config has no health, so it serves its static score. */
type DerivedField = 'qualityScoreStatic' | 'qualityScore' | 'qualityScoreHealth' | 'healthGated' | 'health';

export type ConfigFields = Omit<CatalogueConfig, DefaultedField | DerivedField> & Partial<Pick<CatalogueConfig, DefaultedField>>;

const NO_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_PRICES = Object.freeze({ prompt: null, completion: null });

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
    qualityScoreStatic: total,
    staticBreakdown: fields.staticBreakdown,
    // A new config has no health yet, so it serves its static score.
    qualityScore: total,
    qualityScoreHealth: null,
    healthGated: false,
    health: null,
  });
}

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

/** What an OpenRouter config takes besides its model: its claimed id, its tier and the shared params. */
export interface OpenRouterConfigInput {
  readonly id: number;
  readonly tier: BillingTier;
  /** One frozen copy shared by every config of a generation. */
  readonly litellmParams: Readonly<Record<string, unknown>>;
  readonly nowSeconds: number;
}

/** The config of a kept OpenRouter model (reference §1), scored at `nowSeconds` (§2). */
export function openRouterConfig(model: OpenRouterModel, settings: OpenRouterSettings, { id, tier, litellmParams, nowSeconds }: OpenRouterConfigInput): CatalogueConfig {
  const isFree = tier === 'free';
  const name = model.name ?? model.id;
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
    staticBreakdown: scoreOpenRouterModel(model, nowSeconds),
  });
}

/**
 * The config of an operator-curated model (reference §3): what the file says, scored from its
 * provider, its `litellm_params` prices and `max_input_tokens`, and its model name.
 */
export function curatedConfig(model: CuratedModel): CatalogueConfig {
  const params = model.litellm_params;
  const maxInputTokens = typeof params.max_input_tokens === 'number' ? params.max_input_tokens : null;
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
    pricing: Object.freeze({ prompt: perMillion(params.input_cost_per_token), completion: perMillion(params.output_cost_per_token) }),
    supportsTools: model.supports_tools,
    supportsImageInput: model.supports_image_input,
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
