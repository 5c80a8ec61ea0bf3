import type { CatalogueDiff } from '../catalogue/diff.js';
import type { CatalogueApi } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { builder } from './builder.js';
import { CatalogueChangeRef } from './catalogue-change.js';
import { CatalogueStatusRef } from './catalogue-status.js';

export const RefreshCatalogueSuccessRef = builder.objectRef<{ version: CatalogueVersion; diff: CatalogueDiff; lastRefresh: ReturnType<CatalogueApi['lastRefresh']> }>('RefreshCatalogueSuccess').implement({
  description: 'The catalogue was refreshed; the new version is being served.',
  fields: (t) => ({
    catalogue: t.field({ type: CatalogueStatusRef, description: 'Status of the new version.', resolve: (r) => ({ version: r.version, lastRefresh: r.lastRefresh }) }),
    change: t.field({ type: CatalogueChangeRef, description: 'What changed against the previous version.', resolve: (r) => r.diff }),
  }),
});
