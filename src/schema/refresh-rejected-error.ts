import type { RefreshOutcome } from '../catalogue/refresh-types.js';
import { builder } from './builder.js';
import { RefreshErrorInterface } from './refresh-error.js';
import { RefreshGuardEnum } from './refresh-guard.js';

type Rejected = Extract<RefreshOutcome, { kind: 'rejected-by-guard' }>;

/** A guard refused the fetched list. An expected outcome, returned as data. */
export class RefreshRejectedError extends Error {
  constructor(readonly outcome: Rejected) {
    super(outcome.message);
    this.name = 'RefreshRejectedError';
  }
}

builder.objectType(RefreshRejectedError, {
  name: 'RefreshRejectedError',
  interfaces: [RefreshErrorInterface],
  description: 'A guard refused the fetched list; the previous catalogue is still served. Retry with `force: true` to accept it anyway.',
  fields: (t) => ({
    guard: t.field({ type: RefreshGuardEnum, description: 'The guard that refused it.', resolve: (e) => e.outcome.guard }),
    currentCount: t.int({ description: 'OpenRouter configs served now from the last accepted list (retired ones, no longer in any list, are not counted).', resolve: (e) => e.outcome.currentCount }),
    fetchedCount: t.int({ description: 'OpenRouter configs the fetched list would give.', resolve: (e) => e.outcome.fetchedCount }),
  }),
});
