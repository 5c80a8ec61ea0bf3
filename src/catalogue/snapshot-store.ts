import type { OperatorConfig } from '../config/operator-config.js';
import type { Logger } from '../logger.js';
import { buildCatalogue } from './build.js';
import { withHealth } from './config-health.js';
import type { CatalogueDiff } from './diff.js';
import { HealthBook } from './health-book.js';
import type { RefreshReport } from './refresh-types.js';
import { readSnapshot, writeSnapshot } from './snapshot-file.js';
import type { CatalogueSnapshot, ServedHealth } from './snapshot-format.js';
import { withRetired } from './retirement.js';
import { removeStaleTemporaries } from './stale-temporaries.js';
import { isOpenRouterProvider } from './types.js';
import type { VersionStore } from './version-store.js';
import { nextVersion, type CatalogueOrigin, type CatalogueVersion } from './version.js';

export interface SnapshotStoreOptions {
  readonly operator: OperatorConfig;
  readonly versions: VersionStore;
  /** Directory of the data file; null keeps nothing on disk. */
  readonly dataDir: string | null;
  readonly logger: Logger;
  readonly now: () => number;
}

/**
 * The catalogue as a snapshot: loads the data file at startup, saves each version put in place,
 * exports what is served (for the data file and for other replicas) and adopts a snapshot that
 * another replica made.
 */
export class SnapshotStore {
  constructor(private readonly options: SnapshotStoreOptions) {}

  private get maxBytes(): number {
    return Math.floor(this.options.operator.openRouter.maxSnapshotMib * 1024 * 1024);
  }

  /** Temporary files of a write that a crash interrupted would otherwise pile up in DATA_DIR forever. */
  async removeLeftovers(): Promise<void> {
    const { dataDir, logger, now } = this.options;
    if (dataDir === null) return;
    const removed = await removeStaleTemporaries(dataDir, now());
    if (removed.length > 0) logger.info(`removed ${removed.length} temporary files left by an interrupted write`, { dataDir, files: removed });
  }

  /** Serves the data file's catalogue, when there is a usable one. */
  async load(): Promise<boolean> {
    const { dataDir, logger } = this.options;
    if (dataDir === null) return false;
    try {
      const snapshot = await readSnapshot(dataDir, this.maxBytes);
      if (snapshot === null) return false;
      const { version } = this.restore(snapshot, 'persisted', null);
      logger.info('serving the persisted catalogue', { configs: version.configs.length, savedAt: new Date(snapshot.savedAt).toISOString() });
      return true;
    } catch (error) {
      // A corrupted, truncated or foreign file must never stop the server: say why and start without it.
      logger.warn(`persisted catalogue ignored: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** What is served now, as a snapshot; null before any catalogue is loaded. */
  export(): CatalogueSnapshot | null {
    const { versions, now } = this.options;
    const version = versions.current();
    if (version === null) return null;
    const { models, retired, generatedAtSeconds, healthBook } = versions.basis();
    const servedHealth: Record<string, ServedHealth> = {};
    for (const config of version.configs) {
      if (isOpenRouterProvider(config) && config.health !== null) servedHealth[config.modelName] = config.health.fromCache ? 'from-cache' : 'fresh';
    }
    const { origin, fetchedAt, enrichedAt } = version;
    return { savedAt: now(), origin, fetchedAt, enrichedAt, generatedAtSeconds, models, retired, healthBook: healthBook.toRecord(), servedHealth, changes: versions.changeFeed() };
  }

  /** Serves a snapshot another replica published, with the report of the refresh that made it, and saves it as this process's last-good. */
  async adopt(snapshot: CatalogueSnapshot, report: RefreshReport | null): Promise<{ version: CatalogueVersion; diff: CatalogueDiff }> {
    const adopted = this.restore(snapshot, 'shared', report);
    await this.persist();
    return adopted;
  }

  /** Writes what is served to the data file. Never rejects: the catalogue in memory stays good, only durability is lost until the next write. */
  async persist(): Promise<void> {
    const { dataDir, logger } = this.options;
    if (dataDir === null) return;
    const snapshot = this.export();
    if (snapshot === null) return;
    try {
      const written = await writeSnapshot(dataDir, snapshot, this.maxBytes);
      if (written.changesLeftOut > 0) logger.warn(`the data file leaves out the ${written.changesLeftOut} oldest change records to stay under max_snapshot_mib`, { bytes: written.bytes });
    } catch (error) {
      logger.error(`could not persist the catalogue to ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Serves a snapshot made by this or another process: the configs are generated again from its
   * models at its clock with the current operator YAML, its retired models are served again with
   * their ids and retirement times, and its health is put back, so ids, tiers, scores and
   * lifecycles are those of the process that made it.
   */
  private restore(snapshot: CatalogueSnapshot, origin: CatalogueOrigin, report: RefreshReport | null): { version: CatalogueVersion; diff: CatalogueDiff } {
    const { operator, versions, now } = this.options;
    const healthBook = HealthBook.of(snapshot.healthBook);
    const listed = buildCatalogue(operator, { models: [...snapshot.models], dropped: [] }, snapshot.generatedAtSeconds);
    const built = withRetired(listed, snapshot.retired, operator.openRouter, snapshot.generatedAtSeconds);
    const configs = built.configs.map((config) => {
      const served = isOpenRouterProvider(config) ? snapshot.servedHealth[config.modelName] : undefined;
      const health = served === undefined ? undefined : healthBook.get(config.modelName);
      return health ? withHealth(config, served === 'from-cache' ? { ...health, fromCache: true } : health) : config;
    });
    versions.replaceChangeFeed(snapshot.changes);
    const version = nextVersion(versions.current(), { configs, origin, fetchedAt: snapshot.fetchedAt, enrichedAt: snapshot.enrichedAt }, now());
    const diff = versions.publish(version, { models: built.models, retired: built.retired, generatedAtSeconds: snapshot.generatedAtSeconds, healthBook }, { record: 'never', report });
    return { version, diff };
  }
}
