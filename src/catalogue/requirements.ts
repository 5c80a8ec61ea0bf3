import { supportsImageInput, supportsReasoning, supportsTools } from './capabilities.js';
import type { CatalogueConfig } from './types.js';

/**
 * What one turn of a conversation needs from a model, and whether a config can serve it now. The
 * capability and price facts are read through capabilities.ts and the config's prices (one owner per
 * fact); cooldowns and blocks come from what the chat backend reported (standings.ts).
 */

/** What a turn needs. Omitted (or false) means "not needed": `imageInput: false` does not ask for a text-only model. */
export interface TurnRequirements {
  readonly imageInput?: boolean | null;
  /** Context window of at least this many tokens (an unknown window does not meet it). */
  readonly minContextLength?: number | null;
  readonly tools?: boolean | null;
  readonly reasoning?: boolean | null;
  /** Prompt price at most this, USD per million tokens (an unknown price does not meet it). */
  readonly maxPromptPrice?: number | null;
}

/** Why a config cannot serve a turn now, in the order they are listed. */
export type UnavailableReason =
  | 'missing-image-input'
  | 'context-too-short'
  | 'no-tool-calling'
  | 'no-reasoning'
  | 'over-price-cap'
  | 'no-credential'
  | 'retired'
  | 'gated'
  | 'blocked'
  | 'cooling-down';

export const UNAVAILABLE_REASONS: readonly UnavailableReason[] = [
  'missing-image-input',
  'context-too-short',
  'no-tool-calling',
  'no-reasoning',
  'over-price-cap',
  'no-credential',
  'retired',
  'gated',
  'blocked',
  'cooling-down',
];

export interface Availability {
  readonly available: boolean;
  /** Every reason that applies, in UNAVAILABLE_REASONS order; empty when available. */
  readonly reasons: readonly UnavailableReason[];
}

/** What availability needs to know of outcome reports: who is cooling down or blocked right now. */
export interface StandingView {
  /** Unix ms the config's cooldown ends; null when it is not cooling down. */
  cooldownUntil(config: CatalogueConfig): number | null;
  isBlocked(config: CatalogueConfig): boolean;
}

/** The view of a process no outcome was ever reported to. */
export const NO_STANDINGS: StandingView = Object.freeze({ cooldownUntil: () => null, isBlocked: () => false });

export const NO_REQUIREMENTS: TurnRequirements = Object.freeze({});

/**
 * True when a config can be called at all: it has a credential (and, as the original checks, a model
 * name and a provider; the operator schema and OpenRouter ids make those non-empty).
 */
export function isCallable(config: CatalogueConfig): boolean {
  return config.hasCredential && config.modelName !== '' && config.provider !== '';
}

/** The requirements of a turn that a config does not meet (its own facts only), in UNAVAILABLE_REASONS order. */
export function unmetRequirements(config: CatalogueConfig, requirements: TurnRequirements): UnavailableReason[] {
  const unmet: UnavailableReason[] = [];
  if (requirements.imageInput && !supportsImageInput(config)) unmet.push('missing-image-input');
  if (requirements.minContextLength != null && !(config.contextLength !== null && config.contextLength >= requirements.minContextLength)) unmet.push('context-too-short');
  if (requirements.tools && !supportsTools(config)) unmet.push('no-tool-calling');
  if (requirements.reasoning && !supportsReasoning(config)) unmet.push('no-reasoning');
  if (requirements.maxPromptPrice != null && !(config.pricing.prompt !== null && config.pricing.prompt <= requirements.maxPromptPrice)) unmet.push('over-price-cap');
  return unmet;
}

const AVAILABLE: Availability = Object.freeze({ available: true, reasons: Object.freeze([]) });

/**
 * Whether a config can serve a turn with these requirements now, and every reason it cannot. Without
 * requirements it still says whether the config is callable, retired, gated, blocked or cooling down.
 */
export function availabilityOf(config: CatalogueConfig, requirements: TurnRequirements, standings: StandingView): Availability {
  const reasons = unmetRequirements(config, requirements);
  if (!isCallable(config)) reasons.push('no-credential');
  if (config.lifecycle === 'retired') reasons.push('retired');
  if (config.healthGated) reasons.push('gated');
  if (standings.isBlocked(config)) reasons.push('blocked');
  if (standings.cooldownUntil(config) !== null) reasons.push('cooling-down');
  return reasons.length === 0 ? AVAILABLE : { available: false, reasons };
}

/** Availability of every config, computed once (a listing reads it per field). */
export function availabilities(configs: readonly CatalogueConfig[], requirements: TurnRequirements, standings: StandingView): Map<CatalogueConfig, Availability> {
  return new Map(configs.map((config) => [config, availabilityOf(config, requirements, standings)]));
}

/**
 * The availability of the virtual Auto entry: available when any config is; otherwise every reason
 * that keeps some config out (what stands between the turn and a model).
 */
export function autoAvailability(configs: readonly CatalogueConfig[], requirements: TurnRequirements, standings: StandingView): Availability {
  const seen = new Set<UnavailableReason>();
  for (const config of configs) {
    const availability = availabilityOf(config, requirements, standings);
    if (availability.available) return AVAILABLE;
    for (const reason of availability.reasons) seen.add(reason);
  }
  return { available: false, reasons: UNAVAILABLE_REASONS.filter((reason) => seen.has(reason)) };
}
