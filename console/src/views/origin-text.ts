import type { CatalogueOrigin } from '../api/gql/graphql';

export const ORIGIN_TEXT: Record<CatalogueOrigin, string> = {
  LIVE: 'fetched from OpenRouter',
  PERSISTED: 'saved by an earlier run',
  SHARED: 'shared by another replica',
  BUNDLED_SNAPSHOT: 'the snapshot bundled with the server',
  OPERATOR_ONLY: 'operator configs only',
};
