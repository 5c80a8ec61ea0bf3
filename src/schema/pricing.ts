import type { PriceSheet } from '../catalogue/pricing.js';
import { builder } from './builder.js';
import { PriceOverrideRef } from './price-override.js';

/** Listed conditional prices, as the query cost counts them (real models have none or one; at most 16 are kept). */
const LISTED_OVERRIDES_FOR_COST = 2;

export const PricingRef = builder.objectRef<PriceSheet>('Pricing').implement({
  description:
    'What a model costs, for every kind of price OpenRouter lists: token prices in USD per million tokens, `image`, `request` and `webSearch` in USD per unit. A price is null when unknown (not listed, unparseable, negative like OpenRouter’s `-1`, or too large to serve). Operator configs: LiteLLM’s cost keys in `litellm_params`.',
  fields: (t) => ({
    prompt: t.exposeFloat('prompt', { nullable: true, description: 'Input (prompt) tokens.' }),
    completion: t.exposeFloat('completion', { nullable: true, description: 'Output (completion) tokens.' }),
    inputCacheRead: t.exposeFloat('inputCacheRead', { nullable: true, description: 'Prompt tokens read from the provider’s cache.' }),
    inputCacheWrite: t.exposeFloat('inputCacheWrite', { nullable: true, description: 'Prompt tokens written to the cache.' }),
    inputCacheWriteOneHour: t.exposeFloat('inputCacheWriteOneHour', { nullable: true, description: 'Prompt tokens written to the one-hour cache.' }),
    internalReasoning: t.exposeFloat('internalReasoning', { nullable: true, description: 'Reasoning (thinking) tokens.' }),
    audio: t.exposeFloat('audio', { nullable: true, description: 'Audio input tokens.' }),
    audioOutput: t.exposeFloat('audioOutput', { nullable: true, description: 'Audio output tokens.' }),
    inputAudioCache: t.exposeFloat('inputAudioCache', { nullable: true, description: 'Audio input tokens read from the cache.' }),
    imageToken: t.exposeFloat('imageToken', { nullable: true, description: 'Image input tokens.' }),
    imageOutput: t.exposeFloat('imageOutput', { nullable: true, description: 'Image output tokens.' }),
    image: t.exposeFloat('image', { nullable: true, description: 'USD per input image (OpenRouter’s `image`).' }),
    request: t.exposeFloat('request', { nullable: true, description: 'USD per request.' }),
    webSearch: t.exposeFloat('webSearch', { nullable: true, description: 'USD per web search.' }),
    discount: t.exposeFloat('discount', { nullable: true, description: 'Fraction (0–1) taken off every price; null when none.' }),
    overrides: t.field({
      type: [PriceOverrideRef],
      complexity: { field: 1, multiplier: LISTED_OVERRIDES_FOR_COST },
      description: 'Conditional prices: above a number of prompt tokens, or within a UTC time window.',
      resolve: (p) => p.overrides,
    }),
    overridesComplete: t.exposeBoolean('overridesComplete', {
      description: 'False when some conditional price could not be read (a malformed or unknown condition) and was left out: `estimateCost` then answers null.',
    }),
  }),
});
