import type { RefreshOutcome } from '../catalogue/refresh-types.js';
import { builder } from './builder.js';
import { RefreshErrorInterface } from './refresh-error.js';

type Unavailable = Extract<RefreshOutcome, { kind: 'upstream-unavailable' }>;

/** OpenRouter could not be reached or answered with something unusable. An expected outcome, returned as data. */
export class UpstreamUnavailableError extends Error {
  constructor(readonly outcome: Unavailable) {
    super(outcome.message);
    this.name = 'UpstreamUnavailableError';
  }
}

builder.objectType(UpstreamUnavailableError, {
  name: 'UpstreamUnavailableError',
  interfaces: [RefreshErrorInterface],
  description: 'OpenRouter could not be reached or sent an unusable answer; the previous catalogue is still served.',
  fields: (t) => ({
    failureKind: t.string({ description: 'Kind of failure: `timeout`, `transport`, `http-status`, `too-large`, `not-json`, `bad-shape`, `aborted`.', resolve: (e) => e.outcome.failureKind }),
    status: t.int({ nullable: true, description: 'HTTP status when OpenRouter answered.', resolve: (e) => e.outcome.status }),
    retryAfterSeconds: t.int({ nullable: true, description: 'Seconds OpenRouter asked us to wait (429/503 Retry-After).', resolve: (e) => e.outcome.retryAfterSeconds }),
  }),
});
