import type { ConsoleRefreshCatalogueMutation } from '../api/gql/graphql';
import { CHANGE_KINDS } from './change-kinds';

export type RefreshResult = ConsoleRefreshCatalogueMutation['refreshCatalogue'];
export type RejectedRefresh = Extract<RefreshResult, { __typename: 'RefreshRejectedError' }>;

/** Every member of the refresh result union, as one paragraph of text. */
export function describeRefreshResult(result: RefreshResult): string {
  switch (result.__typename) {
    case 'RefreshCatalogueSuccess': {
      const { catalogue, change } = result;
      const changed = CHANGE_KINDS.map((kind) => ({ kind, count: kind.items(change).length }))
        .filter(({ count }) => count > 0)
        .map(({ kind, count }) => `${count} ${kind.label}`);
      const against = change.fromVersion == null ? 'the first version' : `version ${change.fromVersion}`;
      return `Refreshed: version ${catalogue.version ?? change.toVersion} is served (${catalogue.counts?.total ?? '?'} configs). Against ${against}: ${changed.length > 0 ? changed.join(', ') : 'no config changed'}.`;
    }
    case 'RefreshRejectedError':
      return `Not refreshed: the ${result.guard} guard refused the fetched list (${result.fetchedCount} OpenRouter configs fetched, ${result.currentCount} served now). ${result.message} The previous catalogue is still served.`;
    case 'UpstreamUnavailableError': {
      const facts = [result.failureKind, result.status != null ? `HTTP ${result.status}` : null, result.retryAfterSeconds != null ? `retry after ${result.retryAfterSeconds} s` : null].filter(Boolean).join(', ');
      return `Not refreshed: OpenRouter is unavailable (${facts}). ${result.message} The previous catalogue is still served.`;
    }
  }
}
