import type { Logger } from '../logger.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import { diffVersions, isEmptyDiff, type CatalogueDiff } from './diff.js';
import { HealthBook } from './health-book.js';
import type { RefreshReport, VersionListener } from './refresh-types.js';
import type { RetiredModel } from './retirement.js';
import type { CatalogueVersion } from './version.js';

/**
 * What a version was made from besides its configs: all that a restart, or another replica, needs
 * to make the same version again (see snapshot-format.ts).
 */
export interface VersionBasis {
  /** The OpenRouter models that made configs, in payload order. */
  readonly models: readonly OpenRouterModel[];
  /** Models gone from OpenRouter's list that are served as RETIRED, oldest retirement first. */
  readonly retired: readonly RetiredModel[];
  /** Unix seconds the configs were scored at (the recency part of the static score). */
  readonly generatedAtSeconds: number;
  /** The last good health of each model, as the enrichment folded into this version left it. */
  readonly healthBook: HealthBook;
}

export const EMPTY_BASIS: VersionBasis = Object.freeze({ models: [], retired: [], generatedAtSeconds: 0, healthBook: HealthBook.EMPTY });

/**
 * Which versions enter the change feed: accepted refreshes always, health-only passes only when they
 * changed something, loads (startup, another replica's snapshot) never, as they bring their own feed.
 */
export type ChangeRecording = 'always' | 'when-changed' | 'never';

export interface Publication {
  readonly record: ChangeRecording;
  /** The report of the refresh this version comes from; it becomes `lastRefresh` before any listener runs. */
  readonly report: RefreshReport | null;
}

/**
 * The one place that says what is served: the current version and its basis, the change feed, the
 * report of the last refresh attempt, and who is told when a version is put in place.
 */
export class VersionStore {
  private version: CatalogueVersion | null = null;
  private versionBasis: VersionBasis = EMPTY_BASIS;
  private report: RefreshReport | null = null;
  private changeLog: CatalogueDiff[] = [];
  private readonly listeners = new Set<VersionListener>();
  private readonly reportListeners = new Set<(report: RefreshReport) => void>();

  constructor(private readonly options: { readonly logger: Logger; readonly maxChanges?: number }) {}

  current(): CatalogueVersion | null {
    return this.version;
  }

  basis(): VersionBasis {
    return this.versionBasis;
  }

  lastRefresh(): RefreshReport | null {
    return this.report;
  }

  /** The most recent change records, newest first. */
  changes(last: number): readonly CatalogueDiff[] {
    return this.changeLog.slice(-last).reverse();
  }

  /** The whole change feed, oldest first (what a snapshot carries). */
  changeFeed(): readonly CatalogueDiff[] {
    return this.changeLog;
  }

  onVersion(listener: VersionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to the reports of refresh attempts that put no version in place (those that did come with their version). */
  onReport(listener: (report: RefreshReport) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  /** Records a refresh attempt that put no version in place (failed, rejected, or nothing changed). */
  recordReport(report: RefreshReport): void {
    this.report = report;
    this.tell(this.reportListeners, (listener) => listener(report));
  }

  /** Takes over the change feed of a snapshot being loaded (its history is this catalogue's history). */
  replaceChangeFeed(changes: readonly CatalogueDiff[]): void {
    this.changeLog = this.trimmed([...changes]);
  }

  /**
   * Puts a version in place whole, with its basis, and tells the listeners. Returns what changed
   * against the version it replaces.
   */
  publish(version: CatalogueVersion, basis: VersionBasis, { record, report }: Publication): CatalogueDiff {
    const diff = diffVersions(this.version, version, version.createdAt);
    this.version = version;
    this.versionBasis = basis;
    if (report !== null) this.report = report;
    if (record === 'always' || (record === 'when-changed' && !isEmptyDiff(diff))) this.changeLog = this.trimmed([...this.changeLog, diff]);
    const told = this.report;
    this.tell(this.listeners, (listener) => listener(version, told));
    return diff;
  }

  private tell<L>(listeners: ReadonlySet<L>, call: (listener: L) => void): void {
    for (const listener of listeners) {
      try {
        call(listener);
      } catch (error) {
        this.options.logger.error('catalogue listener failed', { error });
      }
    }
  }

  private trimmed(changes: CatalogueDiff[]): CatalogueDiff[] {
    const max = this.options.maxChanges ?? 50;
    return changes.length > max ? changes.slice(-max) : changes;
  }
}
