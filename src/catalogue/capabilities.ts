import type { OpenRouterModel } from '../openrouter/models-payload.js';
import type { ReasoningEffort } from '../openrouter/model-details.js';
import type { CatalogueConfig } from './types.js';

/**
 * What a model can do, as a selector shows it and as Auto's requirements can ask for it. Each
 * capability has one owner: the config field it is read from; the functions here are the one way
 * to ask.
 */

export type Capability = 'tools' | 'image-input' | 'reasoning' | 'structured-outputs' | 'web-search';
export const CAPABILITIES: readonly Capability[] = ['tools', 'image-input', 'reasoning', 'structured-outputs', 'web-search'];

export interface ReasoningSupport {
  /** True when the model always reasons (reasoning cannot be turned off). */
  readonly mandatory: boolean;
  /** The efforts it accepts, weakest first; empty when OpenRouter does not list them. */
  readonly efforts: readonly ReasoningEffort[];
  readonly defaultEffort: ReasoningEffort | null;
  /** Whether it reasons when a request does not say; null when unknown. */
  readonly enabledByDefault: boolean | null;
}

type CapabilityFacts = Pick<CatalogueConfig, 'supportsTools' | 'supportsImageInput' | 'reasoning' | 'supportsStructuredOutputs' | 'supportsWebSearch'>;

export const supportsTools = (config: CapabilityFacts): boolean => config.supportsTools;
export const supportsImageInput = (config: CapabilityFacts): boolean => config.supportsImageInput;
export const supportsReasoning = (config: CapabilityFacts): boolean => config.reasoning !== null;
export const supportsStructuredOutputs = (config: CapabilityFacts): boolean => config.supportsStructuredOutputs;
export const supportsWebSearch = (config: CapabilityFacts): boolean => config.supportsWebSearch;

const CHECKS: Readonly<Record<Capability, (config: CapabilityFacts) => boolean>> = {
  tools: supportsTools,
  'image-input': supportsImageInput,
  reasoning: supportsReasoning,
  'structured-outputs': supportsStructuredOutputs,
  'web-search': supportsWebSearch,
};

export function hasCapability(config: CapabilityFacts, capability: Capability): boolean {
  return CHECKS[capability](config);
}

/** The capabilities a config has, in CAPABILITIES order. */
export function capabilitiesOf(config: CapabilityFacts): Capability[] {
  return CAPABILITIES.filter((capability) => CHECKS[capability](config));
}

const NO_EFFORTS: readonly ReasoningEffort[] = Object.freeze([]);

/**
 * An OpenRouter model reasons when it accepts the `reasoning`, `include_reasoning` or
 * `reasoning_effort` parameter, or when its `reasoning` object says reasoning is mandatory; that
 * object (2026 lists) also names its efforts.
 */
export function openRouterReasoning(model: Pick<OpenRouterModel, 'supportedParameters' | 'details'>): ReasoningSupport | null {
  const facts = model.details.reasoning;
  const params = model.supportedParameters;
  const reasons = params.includes('reasoning') || params.includes('include_reasoning') || params.includes('reasoning_effort') || facts?.mandatory === true;
  if (!reasons) return null;
  if (facts === null) return REASONING_WITHOUT_DETAILS;
  return Object.freeze({ mandatory: facts.mandatory ?? false, efforts: facts.efforts, defaultEffort: facts.defaultEffort, enabledByDefault: facts.enabledByDefault });
}

/** A model that reasons, with nothing more known: shared by every such config. */
const REASONING_WITHOUT_DETAILS: ReasoningSupport = Object.freeze({ mandatory: false, efforts: NO_EFFORTS, defaultEffort: null, enabledByDefault: null });

/** A reasoning operator config (LiteLLM's `supports_reasoning: true` in its `litellm_params`). */
export const OPERATOR_REASONING = REASONING_WITHOUT_DETAILS;
