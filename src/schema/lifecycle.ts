import type { Lifecycle } from '../catalogue/lifecycle.js';
import { builder } from './builder.js';

export const LifecycleEnum = builder.enumType('Lifecycle', {
  description:
    'Where a model is in its life, as of the time the served version was made (the clock its recency score uses; `new_model_days`, `expiring_days` and `retirement_grace_days` are operator settings).',
  values: {
    ACTIVE: { value: 'active', description: 'Listed, neither new nor about to leave.' },
    NEW: { value: 'new', description: 'Released within `new_model_days` (default 14).' },
    EXPIRING: { value: 'expiring', description: 'OpenRouter stops serving it within `expiring_days` (default 30): see `expiresAt`. Takes precedence over NEW.' },
    RETIRED: {
      value: 'retired',
      description: 'Gone from OpenRouter’s list: still served for `retirement_grace_days` (default 7) after `retiredAt` so pinned threads keep working, never chosen by Auto; see `successor`.',
    },
  } as const satisfies Record<string, { value: Lifecycle; description: string }>,
});
