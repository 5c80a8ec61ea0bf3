import type { CatalogueConfig } from './types.js';

/**
 * A config in the original's field names (snake_case), as the Python service held it, minus the
 * credential and the internal dynamic marker. Used by the preview CLI and the conformance tests.
 */
export interface ReferenceConfig {
  id: number;
  name: string;
  description: string;
  billing_tier: string;
  anonymous_enabled: boolean;
  seo_enabled: boolean;
  seo_slug: string | null;
  quota_reserve_tokens: number;
  provider: string;
  model_name: string;
  api_base: string;
  rpm: number | null;
  tpm: number | null;
  litellm_params: Record<string, unknown>;
  system_instructions: string;
  use_default_system_instructions: boolean;
  citations_enabled: boolean;
  router_pool_eligible: boolean;
  auto_pin_tier: string;
  quality_score_static: number;
  quality_score_health: number | null;
  quality_score: number;
  health_gated: boolean;
}

export function toReferenceConfig(config: CatalogueConfig): ReferenceConfig {
  return {
    id: config.id,
    name: config.name,
    description: config.description,
    billing_tier: config.billingTier,
    anonymous_enabled: config.anonymousEnabled,
    seo_enabled: config.seoEnabled,
    seo_slug: config.seoSlug,
    quota_reserve_tokens: config.quotaReserveTokens,
    provider: config.provider,
    model_name: config.modelName,
    api_base: config.apiBase,
    rpm: config.rpm,
    tpm: config.tpm,
    litellm_params: { ...config.litellmParams },
    system_instructions: config.systemInstructions,
    use_default_system_instructions: config.useDefaultSystemInstructions,
    citations_enabled: config.citationsEnabled,
    router_pool_eligible: config.routerPoolEligible,
    auto_pin_tier: config.autoPinTier,
    quality_score_static: config.qualityScoreStatic,
    quality_score_health: config.qualityScoreHealth,
    quality_score: config.qualityScore,
    health_gated: config.healthGated,
  };
}
