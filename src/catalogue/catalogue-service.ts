import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { OperatorConfig } from '../config/operator-config.js';
import type { Logger } from '../logger.js';
import { UpstreamError } from '../openrouter/http.js';
import type { FetchedModels } from '../openrouter/models-client.js';
import { parseModelsBody, type OpenRouterModel } from '../openrouter/models-payload.js';
import { buildCatalogue } from './build.js';
import { diffVersions, isEmptyDiff, type CatalogueDiff } from './diff.js';
import { withHealth } from './config-health.js';
import type { EnrichmentResult } from './enrichment.js';
import { HealthBook } from './health-book.js';
import { readSnapshot, writeSnapshot } from './snapshot-file.js';
import type { CatalogueSnapshot, ServedHealth } from './snapshot-format.js';
import { removeStaleTemporaries } from './stale-temporaries.js';
import type { CatalogueApi, RefreshOptions, RefreshOutcome, RefreshReport, RefreshTrigger } from './refresh-types.js';
import { guardFetchedList, logLeftOut } from './refresh-guards.js';
import { isOpenRouterProvider, type CatalogueConfig } from './types.js';
import { makeVersion, type CatalogueOrigin, type CatalogueVersion } from './version.js';
import { canonicalJson } from './canonical-json.js';

/** Runs one health enrichment cycle over a list of configs (see enrichment.ts); never rejects for upstream failures. */
export type Enricher = (configs: readonly CatalogueConfig[], book: HealthBook, signal: AbortSignal) => Promise<EnrichmentResult>;

export interface CatalogueServiceOptions {
  readonly operator: OperatorConfig;
  /** Fetches and validates the model list; throws UpstreamError on failure. */
  readonly fetchModels: (signal: AbortSignal) => Promise<FetchedModels>;
  readonly enrich: Enricher;
  /** Directory for the persisted catalogue; null disables persistence. */
  readonly dataDir: string | null;
  /** The OpenRouter model list shipped with the package, used when nothing is persisted. */
  readonly bundledModelsPath: string | null;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly random?: () => number;
  /** First retry delay after a failed scheduled refresh; doubles per attempt. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** How many change records are kept (in memory and on disk). */
  readonly maxChanges?: number;
}

const HOUR_MS = 3_600_000;
const INTERVAL_JITTER = 0.1;

/**
 * Owns the served catalogue: loads it at startup without waiting for the network, refreshes it on a
 * timer and on demand (one upstream fetch at a time however many ask), guards against bad lists,
 * enriches health, persists each accepted version, and records what changed.
 */
export class CatalogueService implements CatalogueApi {
  private version: CatalogueVersion | null = null;
  private models: readonly OpenRouterModel[] = [];
  private generatedAtSeconds = 0;
  private healthBook = HealthBook.EMPTY;
  private changeLog: CatalogueDiff[] = [];
  private report: RefreshReport | null = null;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private inFlightForced = false;
  private readonly listeners = new Set<(version: CatalogueVersion) => void>();
  private timer: NodeJS.Timeout | null = null;
  private nextAttemptAt: number | null = null;
  private failureStreak = 0;
  private lastFailureMessage: string | null = null;
  private readonly abort = new AbortController();
  private stopped = false;
  private scheduledRefresh = true;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: CatalogueServiceOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  current(): CatalogueVersion | null {
    return this.version;
  }

  lastRefresh(): RefreshReport | null {
    return this.report;
  }

  changes(last: number): readonly CatalogueDiff[] {
    return this.changeLog.slice(-last).reverse();
  }

  onVersion(listener: (version: CatalogueVersion) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Serves at once from the persisted catalogue, else the bundled snapshot, then refreshes live in
   * the background. Resolves when a catalogue is being served, before any network call.
   */
  async start(): Promise<void> {
    await this.removeLeftovers();
    // A replica that already adopted the shared catalogue (see src/replication) serves that one.
    if (this.version === null) await this.loadInitial();
    if (this.options.operator.openRouter.enabled && this.scheduledRefresh) this.schedule(0, 'startup');
  }

  /** Stops timers, aborts an in-flight refresh and waits for it to settle (its file write is atomic). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
    this.abort.abort();
    await this.inFlight?.catch(() => undefined);
  }

  /**
   * Runs a refresh, or joins the one in flight: concurrent callers share one upstream fetch. A forced
   * call that joins an unforced refresh which a guard then rejects runs once more, forced, so `force`
   * is never silently lost.
   */
  refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    if (!this.inFlight) return this.startRefresh(options);
    if (!options.force || this.inFlightForced) return this.inFlight;
    return this.inFlight.then((outcome) => (outcome.kind === 'rejected-by-guard' && !this.stopped ? this.refresh(options) : outcome));
  }

  private startRefresh(options: RefreshOptions): Promise<RefreshOutcome> {
    this.inFlightForced = options.force ?? false;
    const run = this.runRefresh(options).finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  private async loadInitial(): Promise<void> {
    const { operator, logger } = this.options;
    if (!operator.openRouter.enabled) {
      this.publish(this.versionFrom(buildCatalogue(operator, null, this.nowSeconds()).configs, 'operator-only', null, null), 'never');
      return;
    }
    if (await this.loadPersisted()) return;
    const bundled = this.options.bundledModelsPath;
    if (bundled !== null) {
      const payload = parseModelsBody(await readFile(bundled), bundled);
      this.generatedAtSeconds = this.nowSeconds();
      const built = buildCatalogue(operator, payload, this.generatedAtSeconds);
      this.models = built.models;
      this.publish(this.versionFrom(built.configs, 'bundled-snapshot', null, null), 'never');
      logger.info('serving the bundled OpenRouter snapshot until the first live refresh', { configs: built.configs.length });
      return;
    }
    this.publish(this.versionFrom(buildCatalogue(operator, null, this.nowSeconds()).configs, 'operator-only', null, null), 'never');
  }

  /** Temporary files of a write that a crash interrupted would otherwise pile up in DATA_DIR forever. */
  private async removeLeftovers(): Promise<void> {
    const { dataDir, logger } = this.options;
    if (dataDir === null) return;
    const removed = await removeStaleTemporaries(dataDir, this.now());
    if (removed.length > 0) logger.info(`removed ${removed.length} temporary files left by an interrupted write`, { dataDir, files: removed });
  }

  private get maxSnapshotBytes(): number {
    return Math.floor(this.options.operator.openRouter.maxSnapshotMib * 1024 * 1024);
  }

  private async loadPersisted(): Promise<boolean> {
    const { dataDir, logger } = this.options;
    if (dataDir === null) return false;
    try {
      const snapshot = await readSnapshot(dataDir, this.maxSnapshotBytes);
      if (snapshot === null) return false;
      const version = this.restore(snapshot, 'persisted');
      logger.info('serving the persisted catalogue', { configs: version.configs.length, savedAt: new Date(snapshot.savedAt).toISOString() });
      return true;
    } catch (error) {
      // A corrupted, truncated or foreign file must never stop the server: say why and start without it.
      logger.warn(`persisted catalogue ignored: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /**
   * Serves a snapshot made by this or another process: the configs are generated again from its
   * models at its clock with the current operator YAML, and its health is put back, so ids, tiers
   * and scores are those of the process that made it. Throws when its health cache is invalid.
   */
  private restore(snapshot: CatalogueSnapshot, origin: CatalogueOrigin): CatalogueVersion {
    this.healthBook = HealthBook.of(snapshot.healthBook);
    this.generatedAtSeconds = snapshot.generatedAtSeconds;
    this.changeLog = [...snapshot.changes];
    const built = buildCatalogue(this.options.operator, { models: [...snapshot.models], dropped: [] }, snapshot.generatedAtSeconds);
    this.models = built.models;
    const configs = built.configs.map((config) => {
      const served = isOpenRouterProvider(config) ? snapshot.servedHealth[config.modelName] : undefined;
      const health = served === undefined ? undefined : this.healthBook.get(config.modelName);
      return health ? withHealth(config, served === 'from-cache' ? { ...health, fromCache: true } : health) : config;
    });
    const version = this.versionFrom(configs, origin, snapshot.fetchedAt, snapshot.enrichedAt);
    this.publish(version, 'never');
    return version;
  }

  /** The current state as a snapshot (what is persisted, and what replicas share). */
  exportSnapshot(): CatalogueSnapshot | null {
    const version = this.version;
    if (version === null) return null;
    const servedHealth: Record<string, ServedHealth> = {};
    for (const config of version.configs) {
      if (isOpenRouterProvider(config) && config.health !== null) servedHealth[config.modelName] = config.health.fromCache ? 'from-cache' : 'fresh';
    }
    return {
      savedAt: this.now(),
      origin: version.origin,
      fetchedAt: version.fetchedAt,
      enrichedAt: version.enrichedAt,
      generatedAtSeconds: this.generatedAtSeconds,
      models: this.models,
      healthBook: this.healthBook.toRecord(),
      servedHealth,
      changes: this.changeLog,
    };
  }

  /** Serves a snapshot published by another replica, and persists it locally as this process's last-good. */
  async adoptSnapshot(snapshot: CatalogueSnapshot): Promise<CatalogueVersion> {
    const version = this.restore(snapshot, 'shared');
    await this.persist();
    return version;
  }

  /**
   * Turns this process's own refresh timer on or off. A replica that is not the refresher leaves
   * fetching to the one that is; standalone processes keep it on.
   */
  setScheduledRefresh(enabled: boolean): void {
    if (this.stopped || enabled === this.scheduledRefresh) return;
    this.scheduledRefresh = enabled;
    if (!enabled) this.cancelSchedule();
    else if (this.options.operator.openRouter.enabled) this.schedule(this.untilNextRefreshMs(), 'timer');
  }

  /**
   * Time left until the served list is due for a refresh: right away when it never came from
   * OpenRouter, else one interval after it was fetched (by this replica or the one that shared it).
   */
  private untilNextRefreshMs(): number {
    const fetchedAt = this.version?.fetchedAt ?? null;
    const intervalMs = this.options.operator.openRouter.refreshIntervalHours * HOUR_MS;
    if (fetchedAt === null) return 0;
    if (intervalMs === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, fetchedAt + intervalMs - this.now());
  }

  private async runRefresh({ force = false, trigger }: RefreshOptions): Promise<RefreshOutcome> {
    const startedAt = this.now();
    const signal = this.abort.signal;
    let fetched: FetchedModels;
    try {
      fetched = await this.options.fetchModels(signal);
    } catch (error) {
      const outcome = unavailable(error);
      if (trigger === 'startup' && this.version !== null) await this.enrichCurrent(signal);
      return this.finish(trigger, force, startedAt, outcome, 0);
    }
    const nowSeconds = this.nowSeconds();
    const built = buildCatalogue(this.options.operator, fetched, nowSeconds);
    const malformedCount = built.leftOut.malformedCount;
    logLeftOut(built, this.options.operator.openRouter, this.options.logger);
    const rejection = force ? null : guardFetchedList(built, fetched.models.length, this.version?.counts.openRouter ?? 0, this.options.operator.openRouter);
    if (rejection) return this.finish(trigger, force, startedAt, rejection, malformedCount);

    const enriched = await this.runEnrichment(built.configs, signal);
    // Shutting down mid-enrichment: health is incomplete, so keep serving (and persisting) what we had.
    if (signal.aborted) {
      const aborted: RefreshOutcome = { kind: 'upstream-unavailable', failureKind: 'aborted', message: 'refresh aborted by shutdown', status: null, retryAfterSeconds: null };
      return this.finish(trigger, force, startedAt, aborted, malformedCount);
    }
    const version = this.versionFrom(enriched.configs, 'live', fetched.fetchedAt, enriched.at);
    this.models = built.models;
    this.generatedAtSeconds = nowSeconds;
    const diff = this.publish(version, 'always');
    await this.persist();
    return this.finish(trigger, force, startedAt, { kind: 'accepted', version, diff }, malformedCount);
  }

  private async runEnrichment(configs: readonly CatalogueConfig[], signal: AbortSignal): Promise<{ configs: readonly CatalogueConfig[]; at: number | null }> {
    try {
      const { configs: enriched, book, report } = await this.options.enrich(configs, this.healthBook, signal);
      this.healthBook = book;
      this.options.logger.info('health enrichment finished', { ...report });
      return { configs: enriched, at: this.now() };
    } catch (error) {
      // Health is best-effort: a failed cycle leaves static scores, never a failed refresh.
      this.options.logger.warn(`health enrichment failed, keeping static scores: ${error instanceof Error ? error.message : String(error)}`);
      return { configs, at: null };
    }
  }

  /** When the startup fetch fails, still score the catalogue being served with live health. */
  private async enrichCurrent(signal: AbortSignal): Promise<void> {
    const current = this.version!;
    const enriched = await this.runEnrichment(current.configs, signal);
    // Nothing learned (every fetch failed, or health is unchanged): keep the version as it is.
    if (enriched.at === null || signal.aborted || contentHash(enriched.configs) === current.etag) return;
    this.publish(this.versionFrom(enriched.configs, current.origin, current.fetchedAt, enriched.at), 'when-changed');
    await this.persist();
  }

  private finish(trigger: RefreshTrigger, forced: boolean, startedAt: number, outcome: RefreshOutcome, malformedCount: number): RefreshOutcome {
    const { logger } = this.options;
    if (outcome.kind === 'accepted') {
      if (this.failureStreak > 0) logger.info('catalogue refresh recovered', { afterFailures: this.failureStreak });
      this.failureStreak = 0;
      this.lastFailureMessage = null;
      logger.info('catalogue refreshed', { trigger, forced, version: outcome.version.version, configs: outcome.version.configs.length, malformed: malformedCount });
    } else {
      this.failureStreak += 1;
      // One line per distinct reason: a streak of identical failures is not repeated at warn level.
      const level = outcome.message === this.lastFailureMessage ? 'debug' : 'warn';
      logger[level](`catalogue refresh failed, still serving version ${this.version?.version ?? 'none'}: ${outcome.message}`, { trigger, outcome: outcome.kind, attempt: this.failureStreak });
      this.lastFailureMessage = outcome.message;
    }
    // Any success restarts the interval; a failed admin call leaves the timer's own schedule alone.
    if (!this.stopped && this.scheduledRefresh && (outcome.kind === 'accepted' || trigger !== 'admin')) this.scheduleAfter(outcome);
    this.report = {
      trigger,
      forced,
      startedAt,
      finishedAt: this.now(),
      outcome: outcome.kind,
      message: outcome.kind === 'accepted' ? `accepted version ${outcome.version.version} with ${outcome.version.configs.length} configs` : outcome.message,
      malformedCount,
      nextAttemptAt: this.nextAttemptAt,
    };
    return outcome;
  }

  /** After success: the next interval (with jitter). After a failure: a retry with exponential backoff, honouring Retry-After. */
  private scheduleAfter(outcome: RefreshOutcome): void {
    const intervalMs = this.options.operator.openRouter.refreshIntervalHours * HOUR_MS;
    if (outcome.kind === 'accepted') {
      if (intervalMs > 0) this.schedule(intervalMs * (1 - INTERVAL_JITTER + 2 * INTERVAL_JITTER * this.random()), 'timer');
      else this.cancelSchedule();
      return;
    }
    const base = this.options.retryBaseMs ?? 30_000;
    const max = Math.min(this.options.retryMaxMs ?? 30 * 60_000, intervalMs > 0 ? intervalMs : Infinity);
    const backoff = Math.min(max, base * 2 ** Math.min(this.failureStreak - 1, 20)) * (0.75 + 0.5 * this.random());
    const retryAfterMs = outcome.kind === 'upstream-unavailable' && outcome.retryAfterSeconds !== null ? outcome.retryAfterSeconds * 1000 : 0;
    this.schedule(Math.max(backoff, retryAfterMs), 'retry');
  }

  private schedule(delayMs: number, trigger: RefreshTrigger): void {
    this.cancelSchedule();
    if (!Number.isFinite(delayMs)) return;
    // setTimeout fires at once for delays past 2^31-1 ms (24.8 days); a very long interval refreshes then instead.
    delayMs = Math.min(delayMs, 2 ** 31 - 1);
    this.nextAttemptAt = this.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttemptAt = null;
      void this.refresh({ trigger }).catch((error: unknown) => this.options.logger.error('scheduled refresh crashed', { error }));
    }, delayMs);
    // The timer must not keep a process alive that is otherwise done (tests, the preview CLI).
    this.timer.unref();
  }

  private cancelSchedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }

  private versionFrom(configs: readonly CatalogueConfig[], origin: CatalogueOrigin, fetchedAt: number | null, enrichedAt: number | null): CatalogueVersion {
    return makeVersion({
      version: (this.version?.version ?? 0) + 1,
      etag: contentHash(configs),
      origin,
      createdAt: this.now(),
      fetchedAt,
      enrichedAt,
      configs,
    });
  }

  /**
   * Swaps in a new version whole. Accepted refreshes always enter the change feed, health-only
   * passes only when they changed something, startup loads never.
   */
  private publish(version: CatalogueVersion, record: 'always' | 'when-changed' | 'never'): CatalogueDiff {
    const diff = diffVersions(this.version, version, version.createdAt);
    this.version = version;
    if (record === 'always' || (record === 'when-changed' && !isEmptyDiff(diff))) this.changeLog.push(diff);
    const max = this.options.maxChanges ?? 50;
    if (this.changeLog.length > max) this.changeLog = this.changeLog.slice(-max);
    for (const listener of this.listeners) {
      try {
        listener(version);
      } catch (error) {
        this.options.logger.error('catalogue listener failed', { error });
      }
    }
    return diff;
  }

  private async persist(): Promise<void> {
    const { dataDir, logger } = this.options;
    const snapshot = this.exportSnapshot();
    if (dataDir === null || snapshot === null) return;
    try {
      const written = await writeSnapshot(dataDir, snapshot, this.maxSnapshotBytes);
      if (written.changesLeftOut > 0) logger.warn(`the data file leaves out the ${written.changesLeftOut} oldest change records to stay under max_snapshot_mib`, { bytes: written.bytes });
    } catch (error) {
      // The catalogue in memory is still good; only durability is lost until the next write succeeds.
      logger.error(`could not persist the catalogue to ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

function unavailable(error: unknown): RefreshOutcome {
  if (error instanceof UpstreamError) {
    return { kind: 'upstream-unavailable', failureKind: error.kind, message: error.message, status: error.status, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { kind: 'upstream-unavailable', failureKind: 'transport', message: error instanceof Error ? error.message : String(error), status: null, retryAfterSeconds: null };
}

/**
 * A short content hash of the served configs: equal catalogues get equal tags, in any process. The
 * text hashed is canonical (sorted keys), so how an object was built (live, restored from a file,
 * adopted from another replica) never changes the tag.
 */
export function contentHash(configs: readonly CatalogueConfig[]): string {
  return createHash('sha256').update(canonicalJson(configs)).digest('base64url').slice(0, 22);
}
