import { builder } from './builder.js';

export const AutoPinTierEnum = builder.enumType('AutoPinTier', {
  description: 'Preference class for Auto (Fastest) pinning: A is preferred whenever any A candidate exists.',
  values: {
    A: { value: 'A', description: 'Operator-curated config.' },
    B: { value: 'B', description: 'OpenRouter premium model.' },
    C: { value: 'C', description: 'OpenRouter free model.' },
  } as const,
});
