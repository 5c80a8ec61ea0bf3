import type { OperatorConfig } from '../config/operator-config.js';
import type { Logger } from '../logger.js';
import { UpstreamError } from '../openrouter/http.js';
import type { FetchedModels } from '../openrouter/models-client.js';
import { buildCatalogue, type BuiltCatalogue } from './build.js';
import type { Enricher } from './enrichment.js';
import type { HealthBook } from './health-book.js';
import type { CatalogueObserver } from './observer.js';
import { guardFetchedList } from './refresh-guards.js';
import type { RefreshFailure } from './refresh-types.js';
import { retirementsAfter, withRetired } from './retirement.js';
import type { CatalogueConfig } from './types.js';
import type { VersionBasis } from './version-store.js';
import { contentHash, listedOpenRouterCount, type CatalogueVersion, type VersionDraft } from './version.js';

/**
 * One refresh, from the upstream to a version ready to serve: fetch the model list (the client
 * parses and validates it), build the configs, let the guards judge the list, enrich health. Nothing
 * here changes what is served; the refresher decides what to do with the result.
 */

export interface PipelineDeps {
  readonly operator: OperatorConfig;
  /** Fetches and validates the model list; throws UpstreamError on failure. */
  readonly fetchModels: (signal: AbortSignal) => Promise<FetchedModels>;
  readonly enrich: Enricher;
  readonly logger: Logger;
  readonly now: () => number;
  /** Told about every enrichment cycle and refresh attempt (metrics); never disturbs them. */
  readonly observer?: CatalogueObserver | undefined;
}

/** A version a refresh would put in place, with what it was made from. */
export interface Candidate {
  readonly draft: VersionDraft;
  readonly basis: VersionBasis;
}

export type PipelineResult =
  | { readonly kind: 'candidate'; readonly candidate: Candidate; readonly malformedCount: number }
  /** The list could not be had at all. */
  | { readonly kind: 'not-fetched'; readonly outcome: RefreshFailure }
  /** The list was had but not taken: a guard refused it, or shutdown cut its enrichment short. */
  | { readonly kind: 'refused'; readonly outcome: RefreshFailure; readonly malformedCount: number };

/** Fetches, builds, guards and enriches a new list against the version served now. */
export async function runPipeline(deps: PipelineDeps, served: CatalogueVersion | null, basis: VersionBasis, force: boolean, signal: AbortSignal): Promise<PipelineResult> {
  let fetched: FetchedModels;
  try {
    fetched = await deps.fetchModels(signal);
  } catch (error) {
    return { kind: 'not-fetched', outcome: unavailable(error) };
  }
  const builtAt = deps.now();
  const generatedAtSeconds = Math.floor(builtAt / 1000);
  const built = buildCatalogue(deps.operator, fetched, generatedAtSeconds);
  const { malformedCount } = built.leftOut;
  logLeftOut(built, deps);
  const rejection = force ? null : guardFetchedList(built, fetched.models.length, served === null ? 0 : listedOpenRouterCount(served.counts), deps.operator.openRouter);
  if (rejection) return { kind: 'refused', outcome: rejection, malformedCount };
  // Models a fetched list had that this one no longer keeps stay served in their grace, as RETIRED. The
  // bundled snapshot is a stand-in until the first live list, often months old: its models are not retired.
  const listedBefore = served !== null && served.origin !== 'bundled-snapshot' ? served.configs : [];
  const retirements = retirementsAfter({ configs: listedBefore, models: basis.models, retired: basis.retired }, built, builtAt);
  const serving = withRetired(built, retirements, deps.operator.openRouter, generatedAtSeconds);

  const enriched = await enrichHealth(deps, serving.configs, basis.healthBook, signal);
  // Shutting down mid-enrichment: health is incomplete, so keep serving (and persisting) what we had.
  if (signal.aborted) {
    return { kind: 'refused', outcome: { kind: 'upstream-unavailable', failureKind: 'aborted', message: 'refresh aborted by shutdown', status: null, retryAfterSeconds: null }, malformedCount };
  }
  const draft: VersionDraft = { configs: enriched.configs, origin: 'live', fetchedAt: fetched.fetchedAt, enrichedAt: enriched.at };
  return { kind: 'candidate', candidate: { draft, basis: { models: built.models, retired: serving.retired, generatedAtSeconds, healthBook: enriched.book } }, malformedCount };
}

/**
 * The served version scored again with live health (when the list itself could not be fetched), or
 * null when nothing was learned: every check failed, shutdown cut it short, or health is unchanged.
 */
export async function reenrichServed(deps: PipelineDeps, served: CatalogueVersion, basis: VersionBasis, signal: AbortSignal): Promise<Candidate | null> {
  const enriched = await enrichHealth(deps, served.configs, basis.healthBook, signal);
  if (enriched.at === null || signal.aborted || contentHash(enriched.configs) === served.etag) return null;
  return { draft: { configs: enriched.configs, origin: served.origin, fetchedAt: served.fetchedAt, enrichedAt: enriched.at }, basis: { ...basis, healthBook: enriched.book } };
}

interface Enriched {
  readonly configs: readonly CatalogueConfig[];
  readonly book: HealthBook;
  /** Unix ms the cycle ended; null when it failed as a whole. */
  readonly at: number | null;
}

/** Health is best-effort: a failed cycle leaves static scores, never a failed refresh. */
async function enrichHealth(deps: PipelineDeps, configs: readonly CatalogueConfig[], book: HealthBook, signal: AbortSignal): Promise<Enriched> {
  const startedAt = deps.now();
  try {
    const result = await deps.enrich(configs, book, signal);
    deps.logger.info('health enrichment finished', { ...result.report });
    notify(deps, (observer) => observer.enrichmentFinished?.(result.report, deps.now() - startedAt));
    return { configs: result.configs, book: result.book, at: deps.now() };
  } catch (error) {
    deps.logger.warn(`health enrichment failed, keeping static scores: ${error instanceof Error ? error.message : String(error)}`);
    notify(deps, (observer) => observer.enrichmentFinished?.(null, deps.now() - startedAt));
    return { configs, book, at: null };
  }
}

/** Tells the observer, if any; an observer that throws is logged and changes nothing. */
export function notify({ observer, logger }: Pick<PipelineDeps, 'observer' | 'logger'>, call: (observer: CatalogueObserver) => void): void {
  if (!observer) return;
  try {
    call(observer);
  } catch (error) {
    logger.error('catalogue observer failed', { error });
  }
}

/** One warning per fetched list for models left out as malformed or over a limit (reasons name paths and rules, never upstream text). */
function logLeftOut({ leftOut }: BuiltCatalogue, { operator, logger }: PipelineDeps): void {
  const { malformed, malformedCount, excluded } = leftOut;
  if (malformedCount > 0) logger.warn(`${malformedCount} malformed model objects dropped from the fetched list`, { reasons: malformed.slice(0, 5).map((dropped) => dropped.reason) });
  const overLength = excluded['string-over-max-length'] ?? 0;
  const overCount = excluded['over-max-models'] ?? 0;
  if (overLength + overCount > 0) {
    const { maxStringLength, maxModels } = operator.openRouter;
    logger.warn(`models left out by the operator's limits: ${overLength} with an id, name or price longer than max_string_length (${maxStringLength}), ${overCount} past max_models (${maxModels})`);
  }
}

function unavailable(error: unknown): RefreshFailure {
  if (error instanceof UpstreamError) {
    return { kind: 'upstream-unavailable', failureKind: error.kind, message: error.message, status: error.status, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { kind: 'upstream-unavailable', failureKind: 'transport', message: error instanceof Error ? error.message : String(error), status: null, retryAfterSeconds: null };
}
