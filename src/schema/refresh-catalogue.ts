import type { CatalogueDiff } from '../catalogue/diff.js';
import type { GuardName, RefreshOutcome } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { builder } from './builder.js';
import { CatalogueChangeRef, CatalogueStatusRef } from './catalogue.js';

type Unavailable = Extract<RefreshOutcome, { kind: 'upstream-unavailable' }>;
type Rejected = Extract<RefreshOutcome, { kind: 'rejected-by-guard' }>;

/** OpenRouter could not be reached or answered with something unusable. An expected outcome, returned as data. */
export class UpstreamUnavailableError extends Error {
  constructor(readonly outcome: Unavailable) {
    super(outcome.message);
    this.name = 'UpstreamUnavailableError';
  }
}

/** A guard refused the fetched list. An expected outcome, returned as data. */
export class RefreshRejectedError extends Error {
  constructor(readonly outcome: Rejected) {
    super(outcome.message);
    this.name = 'RefreshRejectedError';
  }
}

const ErrorInterface = builder.interfaceRef<Error>('RefreshError').implement({
  description: 'A refresh that did not change the served catalogue.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, in one line.' }) }),
});

builder.objectType(UpstreamUnavailableError, {
  name: 'UpstreamUnavailableError',
  interfaces: [ErrorInterface],
  description: 'OpenRouter could not be reached or sent an unusable answer; the previous catalogue is still served.',
  fields: (t) => ({
    failureKind: t.string({ description: 'Kind of failure: `timeout`, `transport`, `http-status`, `too-large`, `not-json`, `bad-shape`, `aborted`.', resolve: (e) => e.outcome.failureKind }),
    status: t.int({ nullable: true, description: 'HTTP status when OpenRouter answered.', resolve: (e) => e.outcome.status }),
    retryAfterSeconds: t.int({ nullable: true, description: 'Seconds OpenRouter asked us to wait (429/503 Retry-After).', resolve: (e) => e.outcome.retryAfterSeconds }),
  }),
});

const RefreshGuardEnum = builder.enumType('RefreshGuard', {
  description: 'A safety check on a fetched model list.',
  values: {
    EMPTY: { value: 'EMPTY', description: 'The list kept no OpenRouter model.' },
    SHRUNK: { value: 'SHRUNK', description: 'The list kept far fewer models than are served (more than `max_shrink_fraction` fewer).' },
    GROWN: { value: 'GROWN', description: 'The list kept implausibly many more models than are served (more than `max_growth_factor` times as many).' },
    MALFORMED: { value: 'MALFORMED', description: 'More than `max_malformed_fraction` of the model objects were malformed: the upstream is likely broken.' },
  } as const satisfies Record<GuardName, unknown>,
});

builder.objectType(RefreshRejectedError, {
  name: 'RefreshRejectedError',
  interfaces: [ErrorInterface],
  description: 'A guard refused the fetched list; the previous catalogue is still served. Retry with `force: true` to accept it anyway.',
  fields: (t) => ({
    guard: t.field({ type: RefreshGuardEnum, description: 'The guard that refused it.', resolve: (e) => e.outcome.guard }),
    currentCount: t.int({ description: 'OpenRouter configs served now.', resolve: (e) => e.outcome.currentCount }),
    fetchedCount: t.int({ description: 'OpenRouter configs the fetched list would give.', resolve: (e) => e.outcome.fetchedCount }),
  }),
});

const RefreshCatalogueSuccessRef = builder.objectRef<{ version: CatalogueVersion; diff: CatalogueDiff; lastRefresh: ReturnType<import('../catalogue/refresh-types.js').CatalogueApi['lastRefresh']> }>('RefreshCatalogueSuccess').implement({
  description: 'The catalogue was refreshed; the new version is being served.',
  fields: (t) => ({
    catalogue: t.field({ type: CatalogueStatusRef, description: 'Status of the new version.', resolve: (r) => ({ version: r.version, lastRefresh: r.lastRefresh }) }),
    change: t.field({ type: CatalogueChangeRef, description: 'What changed against the previous version.', resolve: (r) => r.diff }),
  }),
});

builder.mutationFields((t) => ({
  refreshCatalogue: t.field({
    type: RefreshCatalogueSuccessRef,
    description: 'Fetches OpenRouter now and serves the result if it passes the guards. Concurrent calls share one refresh. Admin only.',
    authScopes: { admin: true },
    args: { force: t.arg.boolean({ required: false, defaultValue: false, description: 'Accept the fetched list even if a guard (empty, shrunk, grown, malformed) would refuse it.' }) },
    errors: { types: [UpstreamUnavailableError, RefreshRejectedError], directResult: true, union: { name: 'RefreshCatalogueResult', description: 'The new catalogue, or why it was not changed.' } },
    resolve: async (_root, { force }, { catalogue }) => {
      const outcome = await catalogue.refresh({ force: force ?? false, trigger: 'admin' });
      if (outcome.kind === 'upstream-unavailable') throw new UpstreamUnavailableError(outcome);
      if (outcome.kind === 'rejected-by-guard') throw new RefreshRejectedError(outcome);
      return { version: outcome.version, diff: outcome.diff, lastRefresh: outcome.report };
    },
  }),
}));
