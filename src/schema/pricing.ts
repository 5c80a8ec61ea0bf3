import type { PricingPerMillion } from '../catalogue/types.js';
import { builder } from './builder.js';

export const PricingRef = builder.objectRef<PricingPerMillion>('Pricing').implement({
  description: 'Prices in USD per million tokens.',
  fields: (t) => ({
    prompt: t.exposeFloat('prompt', { nullable: true, description: 'Input (prompt) price; null when unknown or variable.' }),
    completion: t.exposeFloat('completion', { nullable: true, description: 'Output (completion) price; null when unknown or variable.' }),
  }),
});
