import type { Modality, ModelDetails } from '../openrouter/model-details.js';
import type { ReasoningSupport } from './capabilities.js';
import type { Lifecycle } from './lifecycle.js';
import type { ModelHealth } from './model-health.js';
import type { PricingPerMillion } from './pricing.js';

/**
 * The catalogue's domain model. Nothing here knows about GraphQL or HTTP.
 *
 * A config never carries its credential: `hasCredential` says whether one is
 * configured, and the secret itself stays in the operator settings, so no
 * serializer of a config can leak it.
 */

export type BillingTier = 'free' | 'premium';

/** Where a config came from: the operator's YAML, OpenRouter's model list, or the virtual Auto entry. */
export type ConfigSource = 'yaml' | 'openrouter' | 'auto';

/** Auto (Fastest) pin tier: A = operator-curated, B = OpenRouter premium, C = OpenRouter free. */
export type AutoPinTier = 'A' | 'B' | 'C';

export type { PricingPerMillion } from './pricing.js';

/** The parts of a static quality score; they sum (before clamping to 0..100) to the score. */
export interface StaticScoreBreakdown {
  readonly prestige: number;
  readonly recency: number;
  readonly priceBand: number;
  readonly context: number;
  readonly capabilities: number;
  readonly penalty: number;
  readonly operatorBonus: number;
  /** Sum of the parts before clamping. */
  readonly rawTotal: number;
  /** The clamped integer score, equal to `qualityScoreStatic`. */
  readonly total: number;
}

/** One entry of the catalogue: what the model selector lists and the agent runtime uses. */
export interface CatalogueConfig {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly source: ConfigSource;
  readonly billingTier: BillingTier;
  readonly anonymousEnabled: boolean;
  readonly seoEnabled: boolean;
  readonly seoSlug: string | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly quotaReserveTokens: number;
  /** Upper-case provider as the original stores it, e.g. `OPENROUTER`, `AZURE`. */
  readonly provider: string;
  readonly modelName: string;
  readonly apiBase: string;
  /** Whether a credential is configured for this config (the credential itself is never held here). */
  readonly hasCredential: boolean;
  readonly rpm: number | null;
  readonly tpm: number | null;
  readonly litellmParams: Readonly<Record<string, unknown>>;
  readonly systemInstructions: string;
  readonly useDefaultSystemInstructions: boolean;
  readonly citationsEnabled: boolean;
  readonly routerPoolEligible: boolean;
  readonly autoPinTier: AutoPinTier;
  readonly contextLength: number | null;
  /** Prompt and completion prices; every price is in `priceSheet(config)` (pricing.ts). */
  readonly pricing: PricingPerMillion;
  readonly supportsTools: boolean;
  readonly supportsImageInput: boolean;
  /** How the model reasons; null when it does not (capabilities.ts reads these). */
  readonly reasoning: ReasoningSupport | null;
  readonly supportsStructuredOutputs: boolean;
  readonly supportsWebSearch: boolean;
  /**
   * What OpenRouter says of the model besides (canonical slug, Hugging Face id, knowledge cutoff,
   * alias target, default parameters, benchmarks, every price): the object read from its list, shared
   * with the model; empty for operator configs.
   */
  readonly details: ModelDetails;
  readonly inputModalities: readonly Modality[];
  readonly outputModalities: readonly Modality[];
  readonly maxCompletionTokens: number | null;
  /** Unix ms the model was released (OpenRouter's `created`). */
  readonly releasedAt: number | null;
  /** Unix ms (00:00 UTC of the day) OpenRouter stops serving the model. */
  readonly expiresAt: number | null;
  /** Where the model is in its life, as of the clock the config was made at (lifecycle.ts). */
  readonly lifecycle: Lifecycle;
  /** Unix ms the model left OpenRouter's list (RETIRED only). */
  readonly retiredAt: number | null;
  /** The config that replaces a retired one, when one can be named (retirement.ts). */
  readonly successorId: number | null;
  readonly qualityScoreStatic: number;
  readonly staticBreakdown: StaticScoreBreakdown;
  /** Blended score: equals the static score until health is known and not gated. */
  readonly qualityScore: number;
  /** Equals `health.score` (null without health): kept beside it because the original serves it. */
  readonly qualityScoreHealth: number | null;
  /** Equals `health.gated` (false without health). */
  readonly healthGated: boolean;
  /** Live health; null until the model's first check. Changed only with the two fields above, by withHealth (config-health.ts). */
  readonly health: ModelHealth | null;
}

/** True for configs that take part in health enrichment (OpenRouter-routed, from either source). */
export function isOpenRouterProvider(config: Pick<CatalogueConfig, 'provider'>): boolean {
  return config.provider.toUpperCase() === 'OPENROUTER';
}
