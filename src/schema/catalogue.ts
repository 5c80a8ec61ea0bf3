import type { ChangedConfigRef, CatalogueDiff, Repricing, TierFlip } from '../catalogue/diff.js';
import type { RefreshReport } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { CatalogueApi } from '../catalogue/refresh-types.js';
import { badUserInput, builder } from './builder.js';
import { TierEnum } from './enums.js';

const MAX_CHANGES = 50;

const CatalogueOriginEnum = builder.enumType('CatalogueOrigin', {
  description: 'Where the OpenRouter part of the served catalogue came from.',
  values: {
    LIVE: { value: 'live', description: 'Fetched from OpenRouter by this server.' },
    PERSISTED: { value: 'persisted', description: 'The last-good catalogue saved by an earlier run (OpenRouter not reached yet).' },
    BUNDLED_SNAPSHOT: { value: 'bundled-snapshot', description: 'The OpenRouter snapshot shipped with the server (no live or saved catalogue yet).' },
    SHARED: { value: 'shared', description: 'Published by another replica through Redis.' },
    OPERATOR_ONLY: { value: 'operator-only', description: 'Operator configs only: the OpenRouter integration is disabled.' },
  } as const,
});

const RefreshTriggerEnum = builder.enumType('RefreshTrigger', {
  description: 'What started a refresh.',
  values: {
    STARTUP: { value: 'startup', description: 'The first refresh after the server started.' },
    TIMER: { value: 'timer', description: 'The periodic background refresh.' },
    RETRY: { value: 'retry', description: 'A retry after a failed refresh.' },
    ADMIN: { value: 'admin', description: 'The `refreshCatalogue` mutation.' },
  } as const,
});

const RefreshOutcomeEnum = builder.enumType('RefreshOutcome', {
  description: 'How a refresh ended.',
  values: {
    ACCEPTED: { value: 'accepted', description: 'A new catalogue version is being served.' },
    UPSTREAM_UNAVAILABLE: { value: 'upstream-unavailable', description: 'OpenRouter could not be reached or sent an unusable answer; the previous catalogue is still served.' },
    REJECTED_BY_GUARD: { value: 'rejected-by-guard', description: 'The fetched list was empty or shrank too much; the previous catalogue is still served.' },
  } as const,
});

const RefreshReportRef = builder.objectRef<RefreshReport>('RefreshReport').implement({
  description: 'The last refresh attempt.',
  fields: (t) => ({
    trigger: t.expose('trigger', { type: RefreshTriggerEnum, description: 'What started it.' }),
    forced: t.exposeBoolean('forced', { description: 'Whether guards were overridden.' }),
    startedAt: t.field({ type: 'DateTime', description: 'When it started.', resolve: (r) => r.startedAt }),
    finishedAt: t.field({ type: 'DateTime', description: 'When it ended.', resolve: (r) => r.finishedAt }),
    outcome: t.expose('outcome', { type: RefreshOutcomeEnum, description: 'How it ended.' }),
    message: t.exposeString('message', { description: 'What happened, in one line.' }),
    malformedCount: t.exposeInt('malformedCount', { description: 'Model objects in the fetched list that were malformed and skipped.' }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the next scheduled attempt runs; null when none is scheduled.', resolve: (r) => r.nextAttemptAt }),
  }),
});

const CatalogueCountsRef = builder.objectRef<CatalogueVersion>('CatalogueCounts').implement({
  description: 'How many configs the served version has.',
  fields: (t) => ({
    total: t.int({ description: 'All configs (without the virtual Auto entry).', resolve: (v) => v.counts.total }),
    free: t.int({ description: 'Free configs.', resolve: (v) => v.counts.free }),
    premium: t.int({ description: 'Premium configs.', resolve: (v) => v.counts.premium }),
    operatorYaml: t.int({ description: 'Configs from the operator YAML.', resolve: (v) => v.counts.operatorYaml }),
    openRouter: t.int({ description: 'Configs generated from OpenRouter.', resolve: (v) => v.counts.openRouter }),
    gated: t.int({ description: 'Configs that live health has gated.', resolve: (v) => v.counts.gated }),
  }),
});

const CatalogueStatusRef = builder.objectRef<{ version: CatalogueVersion | null; lastRefresh: RefreshReport | null }>('CatalogueStatus').implement({
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

const ChangedConfigRefType = builder.objectRef<ChangedConfigRef>('ChangedConfig').implement({
  description: 'A config named in a change record.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
  }),
});

const PriceChangeRef = builder.objectRef<Repricing>('PriceChange').implement({
  description: 'A config whose prices changed (USD per million tokens).',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    promptBefore: t.float({ nullable: true, description: 'Prompt price before.', resolve: (r) => r.before.prompt }),
    promptAfter: t.float({ nullable: true, description: 'Prompt price after.', resolve: (r) => r.after.prompt }),
    completionBefore: t.float({ nullable: true, description: 'Completion price before.', resolve: (r) => r.before.completion }),
    completionAfter: t.float({ nullable: true, description: 'Completion price after.', resolve: (r) => r.after.completion }),
  }),
});

const TierFlipRef = builder.objectRef<TierFlip>('TierFlip').implement({
  description: 'A config whose billing tier changed.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    from: t.expose('from', { type: TierEnum, description: 'Tier before.' }),
    to: t.expose('to', { type: TierEnum, description: 'Tier after.' }),
  }),
});

export const CatalogueChangeRef = builder.objectRef<CatalogueDiff>('CatalogueChange').implement({
  description: 'What one accepted refresh (or health pass) changed against the version it replaced.',
  fields: (t) => ({
    fromVersion: t.exposeInt('fromVersion', { nullable: true, description: 'The replaced version.' }),
    toVersion: t.exposeInt('toVersion', { description: 'The new version.' }),
    at: t.field({ type: 'DateTime', description: 'When the new version was put in place.', resolve: (d) => d.at }),
    added: t.field({ type: [ChangedConfigRefType], description: 'Configs that appeared.', resolve: (d) => d.added }),
    removed: t.field({ type: [ChangedConfigRefType], description: 'Configs that disappeared.', resolve: (d) => d.removed }),
    repriced: t.field({ type: [PriceChangeRef], description: 'Configs whose prices changed.', resolve: (d) => d.repriced }),
    tierFlips: t.field({ type: [TierFlipRef], description: 'Configs that moved between free and premium.', resolve: (d) => d.tierFlips }),
    newlyGated: t.field({ type: [ChangedConfigRefType], description: 'Configs that live health has just gated.', resolve: (d) => d.newlyGated }),
    newlyUngated: t.field({ type: [ChangedConfigRefType], description: 'Configs that are no longer gated.', resolve: (d) => d.newlyUngated }),
  }),
});

export { CatalogueStatusRef };

builder.queryFields((t) => ({
  catalogue: t.field({
    type: CatalogueStatusRef,
    description: 'Status of the served catalogue: version, freshness, origin, counts and the last refresh.',
    resolve: (_root, _args, { version, catalogue }) => ({ version, lastRefresh: catalogue.lastRefresh() }),
  }),
  catalogueChanges: t.field({
    type: [CatalogueChangeRef],
    description: 'The most recent change records, newest first.',
    // Counted at the largest `last` allowed; the lists inside a record count as 10 each (the default).
    complexity: { field: 1, multiplier: MAX_CHANGES },
    args: { last: t.arg.int({ required: false, defaultValue: 10, description: `How many records (1–${MAX_CHANGES}).` }) },
    resolve: (_root, { last }, { catalogue }) => {
      const count = last ?? 10;
      if (count < 1 || count > MAX_CHANGES) throw badUserInput(`last must be between 1 and ${MAX_CHANGES}, got ${count}`);
      return catalogue.changes(count);
    },
  }),
}));

type CatalogueStatus = { version: CatalogueVersion | null; lastRefresh: RefreshReport | null };

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

builder.subscriptionType({ description: 'Live updates over Server-Sent Events (`Accept: text/event-stream`).' });

builder.subscriptionFields((t) => ({
  catalogueUpdated: t.field({
    type: CatalogueStatusRef,
    description: 'The catalogue status each time a new version is served (a refresh, a health pass, or a version shared by another replica).',
    subscribe: (_root, _args, { catalogue }) => versionStream(catalogue),
    resolve: (status: CatalogueStatus) => status,
  }),
}));
