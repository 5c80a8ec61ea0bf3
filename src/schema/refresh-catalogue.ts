import { builder } from './builder.js';
import { RefreshCatalogueSuccessRef } from './refresh-catalogue-success.js';
import { RefreshRejectedError } from './refresh-rejected-error.js';
import { UpstreamUnavailableError } from './upstream-unavailable-error.js';

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
