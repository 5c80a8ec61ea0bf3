import { builder } from './builder.js';

export const TierEnum = builder.enumType('Tier', {
  description: 'Billing tier of a model.',
  values: {
    FREE: { value: 'free', description: 'Free to use (OpenRouter: a `:free` id or zero prompt and completion prices).' },
    PREMIUM: { value: 'premium', description: 'Paid; counts against premium quotas.' },
  } as const,
});
