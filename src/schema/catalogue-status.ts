import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { CatalogueApi, RefreshReport } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { builder } from './builder.js';
import { CatalogueCountsRef } from './catalogue-counts.js';
import { CatalogueOriginEnum } from './catalogue-origin.js';
import { RefreshReportRef } from './refresh-report.js';

type CatalogueStatus = { version: CatalogueVersion | null; lastRefresh: RefreshReport | null };

export const CatalogueStatusRef = builder.objectRef<CatalogueStatus>('CatalogueStatus').implement({
  description: 'What is being served and how fresh it is.',
  fields: (t) => ({
    ready: t.boolean({ description: 'Whether a catalogue is loaded.', resolve: (s) => s.version !== null }),
    version: t.int({ nullable: true, description: 'Version number of the served catalogue in this process (increases with each change).', resolve: (s) => s.version?.version ?? null }),
    etag: t.string({ nullable: true, description: 'Content hash of the served configs: equal for equal catalogues, across restarts and replicas.', resolve: (s) => s.version?.etag ?? null }),
    origin: t.field({ type: CatalogueOriginEnum, nullable: true, description: 'Where the served catalogue came from.', resolve: (s) => s.version?.origin ?? null }),
    refreshedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the served version was put in place.', resolve: (s) => s.version?.createdAt ?? null }),
    fetchedAt: t.field({ type: 'DateTime', nullable: true, description: 'When its OpenRouter list was fetched; null for the bundled snapshot and operator-only catalogues.', resolve: (s) => s.version?.fetchedAt ?? null }),
    enrichedAt: t.field({ type: 'DateTime', nullable: true, description: 'When live health was last folded in; null before the first check.', resolve: (s) => s.version?.enrichedAt ?? null }),
    ageSeconds: t.int({
      nullable: true,
      description: 'Seconds since its OpenRouter list was fetched (or since it was put in place when never fetched). Responses that select it are never cached.',
      resolve: (s) => {
        return s.version ? Math.max(0, Math.floor((Date.now() - (s.version.fetchedAt ?? s.version.createdAt)) / 1000)) : null;
      },
    }),
    counts: t.field({ type: CatalogueCountsRef, nullable: true, description: 'Configs by tier, source and gating.', resolve: (s) => s.version }),
    lastRefresh: t.field({ type: RefreshReportRef, nullable: true, description: 'The last refresh attempt; null before the first.', resolve: (s) => s.lastRefresh }),
  }),
});

builder.queryFields((t) => ({
  catalogue: t.field({
    type: CatalogueStatusRef,
    description: 'Status of the served catalogue: version, freshness, origin, counts and the last refresh.',
    resolve: (_root, _args, { version, catalogue }) => ({ version, lastRefresh: catalogue.lastRefresh() }),
  }),
}));

/**
 * New catalogue versions, each with the report of the refresh that made it, as an async stream for
 * one subscriber. A slow client only ever gets the latest few (sliding buffer), never an unbounded backlog.
 */
function versionStream(catalogue: CatalogueApi): AsyncIterable<CatalogueStatus> {
  return new Repeater<CatalogueStatus>(async (push, stop) => {
    const unsubscribe = catalogue.onVersion((version, lastRefresh) => void push({ version, lastRefresh }));
    await stop;
    unsubscribe();
  }, new SlidingBuffer(4));
}

builder.subscriptionFields((t) => ({
  catalogueUpdated: t.field({
    type: CatalogueStatusRef,
    description: 'The catalogue status each time a new version is served (a refresh, a health pass, or a version shared by another replica).',
    subscribe: (_root, _args, { catalogue }) => versionStream(catalogue),
    resolve: (status: CatalogueStatus) => status,
  }),
}));
