import { readFile } from 'node:fs/promises';
import type { OperatorConfig } from '../config/operator-config.js';
import type { Logger } from '../logger.js';
import type { FetchedModels } from '../openrouter/models-client.js';
import { parseModelsBody } from '../openrouter/models-payload.js';
import { buildCatalogue } from './build.js';
import type { CatalogueDiff } from './diff.js';
import type { Enricher } from './enrichment.js';
import type { CatalogueObserver } from './observer.js';
import { DEFAULT_OUTCOME_SETTINGS, type OutcomeReport, type OutcomeSettings } from './outcome-policy.js';
import { notify } from './refresh-pipeline.js';
import { Refresher } from './refresher.js';
import { RefreshScheduler } from './refresh-scheduler.js';
import type { CatalogueApi, RefreshOptions, RefreshOutcome, RefreshReport, StandingsReader, VersionListener } from './refresh-types.js';
import { SnapshotStore } from './snapshot-store.js';
import { StandingBook, type ReportedOutcome } from './standings.js';
import { EMPTY_BASIS, VersionStore } from './version-store.js';
import { nextVersion, type CatalogueVersion } from './version.js';

/** The two upstream calls a catalogue makes (upstream.ts makes them with OpenRouter's clients). */
export interface CatalogueUpstream {
  /** Fetches and validates the model list; throws UpstreamError on failure. */
  readonly fetchModels: (signal: AbortSignal) => Promise<FetchedModels>;
  readonly enrich: Enricher;
}

export interface CatalogueOptions {
  readonly operator: OperatorConfig;
  readonly upstream: CatalogueUpstream;
  /** Directory of the data file; null keeps nothing on disk. */
  readonly dataDir: string | null;
  /** The OpenRouter model list shipped with the package, served when nothing is persisted. */
  readonly bundledModelsPath: string | null;
  readonly logger: Logger;
  /** Told about every refresh and enrichment cycle (metrics). */
  readonly observer?: CatalogueObserver;
  /** How this replica shares the catalogue with others (src/replication); without it, it is on its own. */
  readonly replication?: ReplicationFactory | null;
  readonly now?: () => number;
  readonly random?: () => number;
  /** First retry delay after a failed scheduled refresh; doubles per attempt. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** How many change records are kept (in memory and on disk). */
  readonly maxChanges?: number;
  /** Cooldown lengths after failed calls (`COOLDOWN_SECONDS`, `COOLDOWN_MAX_SECONDS`). */
  readonly outcomeSettings?: OutcomeSettings;
}

/** The parts a catalogue is composed of; replication composes the same ones. */
export interface CatalogueParts {
  readonly versions: VersionStore;
  readonly snapshots: SnapshotStore;
  readonly scheduler: RefreshScheduler;
  readonly refresher: Refresher;
  /** Cooldowns and blocks learned from outcome reports. */
  readonly standings: StandingBook;
  readonly logger: Logger;
}

/** How a replica takes part in a catalogue shared with others. */
export interface Replication {
  /** Before anything is served: connect, and adopt the shared catalogue if there is one. */
  join(): Promise<void>;
  /** Once a catalogue is served: take part in choosing the one replica that refreshes. */
  compete(): Promise<void>;
  /** Refreshes here or where the refreshing replica is. */
  refresh(options: RefreshOptions): Promise<RefreshOutcome>;
  stop(): Promise<void>;
}

export type ReplicationFactory = (parts: CatalogueParts) => Replication;

/**
 * The served catalogue: loaded at startup without waiting for the network, refreshed on a timer and
 * on demand, saved after each change, and shared with other replicas when replication is given.
 */
export class Catalogue implements CatalogueApi {
  readonly replication: Replication | null;

  constructor(
    readonly parts: CatalogueParts,
    private readonly options: CatalogueOptions,
  ) {
    this.replication = options.replication?.(parts) ?? null;
  }

  current(): CatalogueVersion | null {
    return this.parts.versions.current();
  }

  lastRefresh(): RefreshReport | null {
    return this.parts.versions.lastRefresh();
  }

  changes(last: number): readonly CatalogueDiff[] {
    return this.parts.versions.changes(last);
  }

  onVersion(listener: VersionListener): () => void {
    return this.parts.versions.onVersion(listener);
  }

  refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    return this.replication ? this.replication.refresh(options) : this.parts.refresher.refresh(options);
  }

  standings(): StandingsReader {
    return this.parts.standings;
  }

  /** Applies a report to the standings (replication shares the change), tells the observer, and logs what changed. */
  reportOutcome(configId: number, report: OutcomeReport): ReportedOutcome {
    const { standings, logger } = this.parts;
    const reported = standings.report(this.current(), configId, report);
    notify(this.options, (observer) => observer.outcomeReported?.(report.outcome, reported.effect));
    // A flood of reports about a failing model changes its standing at most once a second: only changes are logged at info.
    logger[reported.effect === 'unchanged' ? 'debug' : 'info'](`model outcome ${report.outcome}: ${reported.message}`, { configId, model: reported.config.modelName, effect: reported.effect });
    return reported;
  }

  /**
   * Serves at once from the shared catalogue, else the persisted one, else the bundled snapshot,
   * then refreshes in the background. Resolves when a catalogue is served, before any upstream call.
   */
  async start(): Promise<void> {
    const { snapshots, versions, scheduler } = this.parts;
    await snapshots.removeLeftovers();
    await this.replication?.join();
    if (versions.current() === null && !(this.options.operator.openRouter.enabled && (await snapshots.load()))) await this.loadBundled();
    scheduler.startup();
    await this.replication?.compete();
  }

  /** Stops replicating and refreshing; waits for a refresh in flight to settle (its file write is atomic). */
  async stop(): Promise<void> {
    await this.replication?.stop();
    this.parts.scheduler.stop();
    await this.parts.refresher.stop();
  }

  /** The bundled OpenRouter snapshot, or the operator's configs alone when there is none or the integration is off. */
  private async loadBundled(): Promise<void> {
    const { operator, bundledModelsPath, logger } = this.options;
    const { versions } = this.parts;
    const now = this.options.now ?? Date.now;
    const generatedAtSeconds = Math.floor(now() / 1000);
    if (!operator.openRouter.enabled || bundledModelsPath === null) {
      const version = nextVersion(null, { configs: buildCatalogue(operator, null, generatedAtSeconds).configs, origin: 'operator-only', fetchedAt: null, enrichedAt: null }, now());
      versions.publish(version, EMPTY_BASIS, { record: 'never', report: null });
      return;
    }
    const built = buildCatalogue(operator, parseModelsBody(await readFile(bundledModelsPath), bundledModelsPath), generatedAtSeconds);
    const version = nextVersion(null, { configs: built.configs, origin: 'bundled-snapshot', fetchedAt: null, enrichedAt: null }, now());
    versions.publish(version, { ...EMPTY_BASIS, models: built.models, generatedAtSeconds }, { record: 'never', report: null });
    logger.info('serving the bundled OpenRouter snapshot until the first live refresh', { configs: built.configs.length });
  }
}

/** Composes a catalogue from its parts. */
export function createCatalogue(options: CatalogueOptions): Catalogue {
  const { operator, upstream, logger } = options;
  const now = options.now ?? Date.now;
  const versions = new VersionStore({ logger, ...(options.maxChanges === undefined ? {} : { maxChanges: options.maxChanges }) });
  const standings = new StandingBook(options.outcomeSettings ?? DEFAULT_OUTCOME_SETTINGS, now);
  versions.onVersion((version) => standings.retainOnly(version));
  const snapshots = new SnapshotStore({ operator, versions, dataDir: options.dataDir, logger, now });
  // The scheduler starts the refresher's refreshes, and the refresher tells it when the next is due.
  let refresher: Refresher | null = null;
  const scheduler = new RefreshScheduler({
    integrationEnabled: operator.openRouter.enabled,
    intervalHours: operator.openRouter.refreshIntervalHours,
    run: (trigger) => refresher!.refresh({ trigger }),
    lastFetchedAt: () => versions.current()?.fetchedAt ?? null,
    logger,
    now,
    ...(options.random ? { random: options.random } : {}),
    ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    ...(options.retryMaxMs === undefined ? {} : { retryMaxMs: options.retryMaxMs }),
  });
  refresher = new Refresher({ operator, fetchModels: upstream.fetchModels, enrich: upstream.enrich, logger, now, observer: options.observer, versions, scheduler, persist: () => snapshots.persist() });
  return new Catalogue({ versions, snapshots, scheduler, refresher, standings, logger }, options);
}
