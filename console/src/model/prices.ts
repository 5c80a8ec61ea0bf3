import type { AllPricesFragment } from '../api/gql/graphql';
import { formatInteger } from './format';

/** The prices of a sheet (every field but the discount and the conditional prices). */
export type PriceKind = Exclude<keyof AllPricesFragment, 'discount' | 'overrides' | 'overridesComplete' | '__typename'>;
type Override = AllPricesFragment['overrides'][number];
/** The prices a conditional price can set. */
export type OverridePriceKind = Exclude<keyof Override, 'minPromptTokens' | 'utcStart' | 'utcEnd' | '__typename'>;

export interface PriceText {
  readonly label: string;
  /** What one price is for: token prices are per million tokens, as the API serves them. */
  readonly unit: 'per M tokens' | 'per image' | 'per request' | 'per search';
}

const PER_M = 'per M tokens';

/**
 * Every kind of price the API serves, in display order: the one place to add one. Typed against the
 * details document (details.graphql), so a price selected there does not compile until it is named here.
 */
export const PRICE_KINDS: Record<PriceKind, PriceText> = {
  prompt: { label: 'Prompt', unit: PER_M },
  completion: { label: 'Completion', unit: PER_M },
  inputCacheRead: { label: 'Cache read', unit: PER_M },
  inputCacheWrite: { label: 'Cache write', unit: PER_M },
  inputCacheWriteOneHour: { label: 'Cache write (1 hour)', unit: PER_M },
  internalReasoning: { label: 'Reasoning tokens', unit: PER_M },
  audio: { label: 'Audio input', unit: PER_M },
  audioOutput: { label: 'Audio output', unit: PER_M },
  inputAudioCache: { label: 'Audio cache read', unit: PER_M },
  imageToken: { label: 'Image input tokens', unit: PER_M },
  imageOutput: { label: 'Image output', unit: PER_M },
  image: { label: 'Input image', unit: 'per image' },
  request: { label: 'Request', unit: 'per request' },
  webSearch: { label: 'Web search', unit: 'per search' },
};

/** Prompt and completion are always shown (`unknown` when the API has none); the rest when listed. */
const ALWAYS_SHOWN: readonly PriceKind[] = ['prompt', 'completion'];

/** The prices a model lists, in display order. */
export function listedPrices(pricing: AllPricesFragment): { kind: PriceKind; text: PriceText; value: number | null }[] {
  return (Object.keys(PRICE_KINDS) as PriceKind[]).filter((kind) => ALWAYS_SHOWN.includes(kind) || pricing[kind] != null).map((kind) => ({ kind, text: PRICE_KINDS[kind], value: pricing[kind] }));
}

const OVERRIDE_KINDS: readonly OverridePriceKind[] = ['prompt', 'completion', 'inputCacheRead', 'inputCacheWrite', 'internalReasoning', 'audio', 'request'];

/** The prices a conditional price sets, in display order (the ones it leaves at the base price are null). */
export function overridePrices(override: Override): { kind: OverridePriceKind; text: PriceText; value: number }[] {
  return OVERRIDE_KINDS.flatMap((kind) => {
    const value = override[kind];
    return value == null ? [] : [{ kind, text: PRICE_KINDS[kind], value }];
  });
}

/** When a conditional price applies, as a person reads it: `prompts of 200,000 tokens or more, 09:00–17:00 UTC`. */
export function overrideCondition(override: Override): string {
  const conditions: string[] = [];
  if (override.minPromptTokens != null) conditions.push(`prompts of ${formatInteger(override.minPromptTokens)} tokens or more`);
  if (override.utcStart != null || override.utcEnd != null) conditions.push(`${override.utcStart ?? '00:00'}–${override.utcEnd ?? '24:00'} UTC`);
  return conditions.length === 0 ? 'always' : conditions.join(', ');
}

/** `20% off every price`; `none` without a discount. */
export function discountText(discount: number | null): string {
  return discount == null || discount === 0 ? 'none' : `${Number((discount * 100).toFixed(2))}% off every price`;
}
