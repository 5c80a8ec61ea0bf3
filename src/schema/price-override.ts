import type { PriceOverride } from '../catalogue/pricing.js';
import { builder } from './builder.js';

export const PriceOverrideRef = builder.objectRef<PriceOverride>('PriceOverride').implement({
  description:
    'A conditional price (OpenRouter’s `pricing.overrides`): it applies when every condition it names holds; among those that apply, a later one wins for the prices it sets; prices it does not set stay the base ones. Prices as in `Pricing`.',
  fields: (t) => ({
    minPromptTokens: t.exposeInt('minPromptTokens', { nullable: true, description: 'Applies to requests with at least this many prompt tokens (long-context pricing); null when not a condition.' }),
    utcStart: t.exposeString('utcStart', { nullable: true, description: 'Applies from this UTC time of day (`HH:MM`, inclusive; e.g. peak hours); null when not a condition.' }),
    utcEnd: t.exposeString('utcEnd', { nullable: true, description: 'Until this UTC time of day (`HH:MM`, exclusive; a window may wrap past midnight).' }),
    prompt: t.float({ nullable: true, description: 'Prompt price it sets (USD per million tokens); null when it keeps the base price or sets an unknown one.', resolve: (o) => o.prices.prompt ?? null }),
    completion: t.float({ nullable: true, description: 'Completion price it sets (USD per million tokens).', resolve: (o) => o.prices.completion ?? null }),
    inputCacheRead: t.float({ nullable: true, description: 'Cache-read price it sets (USD per million tokens).', resolve: (o) => o.prices.inputCacheRead ?? null }),
    inputCacheWrite: t.float({ nullable: true, description: 'Cache-write price it sets (USD per million tokens).', resolve: (o) => o.prices.inputCacheWrite ?? null }),
    internalReasoning: t.float({ nullable: true, description: 'Reasoning-token price it sets (USD per million tokens).', resolve: (o) => o.prices.internalReasoning ?? null }),
    audio: t.float({ nullable: true, description: 'Audio input price it sets (USD per million tokens).', resolve: (o) => o.prices.audio ?? null }),
    request: t.float({ nullable: true, description: 'Per-request price it sets (USD).', resolve: (o) => o.prices.request ?? null }),
  }),
});
