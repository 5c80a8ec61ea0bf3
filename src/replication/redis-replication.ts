import { randomUUID } from 'node:crypto';
import type { CatalogueParts, Replication, ReplicationFactory } from '../catalogue/catalogue.js';
import type { RefreshOptions, RefreshOutcome, RefreshReport } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { LeaseElector, type ReplicationMode } from './lease-elector.js';
import { RedisLink } from './redis-link.js';
import { RefreshChannel, type Answer } from './refresh-channel.js';
import { InvalidSharedSnapshot, SnapshotChannel } from './snapshot-channel.js';
import { StandingsChannel } from './standings-channel.js';
import { versionServed } from './version-served.js';
import type { Announcement, RefreshReply, RefreshRequest } from './wire.js';

export type { ReplicationMode } from './lease-elector.js';

export interface ReplicationOptions {
  readonly redisUrl: string;
  readonly replicaId?: string;
  /** Lease lifetime; the holder renews it every third of it, so a dead holder is replaced within it. */
  readonly leaseTtlMs?: number;
  readonly keyPrefix?: string;
  /** How long a follower waits for the holder to answer a forwarded refresh. */
  readonly refreshTimeoutMs?: number;
  /** How long a shared snapshot is kept in Redis. */
  readonly snapshotTtlSeconds?: number;
}

/** Replication through the Redis at `options.redisUrl`, composed over a catalogue's parts. */
export function redisReplication(options: ReplicationOptions): ReplicationFactory {
  return (parts) => new RedisReplication(parts, options);
}

/**
 * Several replicas, one catalogue. One replica at a time holds a refresher lease in Redis; it alone
 * fetches and enriches, and shares every version it puts in place. The others adopt shared versions
 * instead of fetching, forward `refreshCatalogue` to the holder, and boot from the shared snapshot.
 * Cooldowns and blocks learned from outcome reports are shared the same way (standings-channel.ts).
 * When Redis is unreachable each replica refreshes (and keeps cooldowns) on its own, so no replica ever
 * serves an empty or frozen catalogue; it rejoins when Redis returns.
 */
export class RedisReplication implements Replication {
  readonly replicaId: string;
  private readonly link: RedisLink;
  private readonly elector: LeaseElector;
  private readonly shared: SnapshotChannel;
  private readonly requests: RefreshChannel;
  private readonly standings: StandingsChannel;
  private readonly unsubscribe: (() => void)[] = [];
  /** Adoptions under way, by etag, so a version announced twice (a refresh, then its report) is adopted once. */
  private readonly adopting = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly parts: CatalogueParts,
    private readonly options: ReplicationOptions,
  ) {
    this.replicaId = options.replicaId ?? randomUUID();
    this.link = new RedisLink(options.redisUrl, options.keyPrefix ?? 'llm-catalogue:', parts.logger);
    this.elector = new LeaseElector(this.link, { replicaId: this.replicaId, ttlMs: options.leaseTtlMs ?? 15_000, onChange: (mode, reason) => this.modeChanged(mode, reason) });
    this.shared = new SnapshotChannel(this.link, options.snapshotTtlSeconds ?? 7 * 24 * 3600);
    this.requests = new RefreshChannel(this.link, this.replicaId);
    this.standings = new StandingsChannel(this.link, parts.standings, { replicaId: this.replicaId, logger: parts.logger });
    this.shared.onAnnounced((announcement) => this.follow(announcement));
    this.requests.serve((request) => this.carryOut(request));
    this.link.onUp(() => this.redisUp());
    this.link.onDown(() => this.redisDown());
  }

  /** How this replica takes part right now. */
  replicationMode(): ReplicationMode {
    return this.elector.mode();
  }

  /** Whether the Redis connection is up (for metrics). */
  isRedisConnected(): boolean {
    return this.link.isUp();
  }

  /** Connects and adopts the shared catalogue, if any, before anything is served. Without Redis the replica starts on its own. */
  async join(): Promise<void> {
    this.parts.scheduler.setEnabled(false);
    try {
      await this.link.connect();
      await this.bootFromShared();
    } catch (error) {
      this.parts.logger.warn(`Redis unreachable at startup, refreshing standalone and keeping cooldowns per process: ${describe(error)}`);
      this.parts.scheduler.setEnabled(true);
    }
  }

  async compete(): Promise<void> {
    const { versions } = this.parts;
    this.unsubscribe.push(versions.onVersion((version, report) => void this.shareIfLeader(version, report)));
    this.unsubscribe.push(versions.onReport((report) => void this.announceIfLeader(report)));
    await this.elector.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    await this.elector.stop();
    await this.standings.stop();
    this.link.disconnect();
  }

  /**
   * On the lease holder or standalone: refresh here. On a follower: ask the holder, wait until the
   * version it accepted is served here, and answer with the holder's change record and report.
   */
  async refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    const { refresher } = this.parts;
    if (this.elector.mode() !== 'follower') return refresher.refresh(options);
    const timeoutMs = this.options.refreshTimeoutMs ?? 60_000;
    const answer: Answer | null = await this.requests.ask(options.force ?? false, timeoutMs);
    // Nobody answered (the holder just died, or the request could not be sent): refresh here rather than fail.
    if (answer === null) return refresher.refresh(options);
    const { outcome, report } = answer;
    if (outcome.kind !== 'accepted') {
      if (report) this.recordShared(report);
      return outcome;
    }
    const version = await this.awaitVersion(outcome.etag, timeoutMs);
    if (version === null || report === null) return refresher.refresh(options);
    this.recordShared(report);
    return { kind: 'accepted', version, diff: outcome.diff, report };
  }

  private async bootFromShared(): Promise<void> {
    const latest = await this.shared.latest();
    if (latest === null) return;
    try {
      const snapshot = await this.shared.snapshot(latest.etag);
      if (snapshot === null) return;
      const { version } = await this.parts.snapshots.adopt(snapshot, latest.report);
      this.parts.logger.info('booted from the shared catalogue', { etag: version.etag, configs: version.configs.length });
    } catch (error) {
      if (!(error instanceof InvalidSharedSnapshot)) throw error;
      this.parts.logger.warn(`shared catalogue in Redis ignored: ${error.message}`);
    }
  }

  private modeChanged(mode: ReplicationMode, reason: string): void {
    const { scheduler, versions, logger } = this.parts;
    if (mode === 'leader') {
      logger.info('holding the refresher lease: this replica fetches and publishes', { replica: this.replicaId });
      scheduler.setEnabled(true);
      const current = versions.current();
      if (current) void this.shareIfLeader(current, versions.lastRefresh());
    } else if (mode === 'follower') {
      scheduler.setEnabled(false);
      logger.info(`following the shared catalogue: ${reason}`, { replica: this.replicaId });
      // Catch up with whatever the holder shared while this replica was on its own or starting.
      void this.shared
        .latest()
        .then((latest) => (latest === null ? undefined : this.follow(latest)))
        .catch((error: unknown) => logger.warn(`could not catch up with the shared catalogue: ${describe(error)}`));
    }
  }

  private redisUp(): void {
    if (this.stopped) return;
    if (this.elector.started && this.elector.mode() === 'standalone') this.parts.logger.info('Redis is back: rejoining the shared catalogue');
    void this.elector.round();
  }

  private redisDown(): void {
    if (this.stopped) return;
    this.elector.lostRedis();
    // Logged once per outage: ioredis keeps reconnecting quietly until it is back.
    this.parts.logger.warn('Redis unreachable: refreshing standalone and keeping cooldowns per process until it returns');
    this.parts.scheduler.setEnabled(true);
    this.requests.failPending({ kind: 'upstream-unavailable', failureKind: 'transport', message: 'Redis became unreachable while the refresh was forwarded', status: null, retryAfterSeconds: null });
  }

  /** The holder shares each version it puts in place, with the report of the refresh that made it. */
  private async shareIfLeader(version: CatalogueVersion, report: RefreshReport | null): Promise<void> {
    if (this.elector.mode() !== 'leader' || version.origin === 'shared') return;
    const snapshot = this.parts.snapshots.export();
    if (snapshot === null) return;
    try {
      await this.shared.share({ etag: version.etag, report }, snapshot);
    } catch (error) {
      this.parts.logger.warn(`could not publish catalogue version ${version.version}: ${describe(error)}`);
    }
  }

  /** The holder announces refresh attempts that put no new version in place, so every replica reports them. */
  private async announceIfLeader(report: RefreshReport): Promise<void> {
    const current = this.parts.versions.current();
    if (this.elector.mode() !== 'leader' || current === null) return;
    await this.shared.announce({ etag: current.etag, report }).catch((error: unknown) => this.parts.logger.warn(`could not announce a refresh report: ${describe(error)}`));
  }

  /** Serves what the holder announced: adopts its version when it is new here, and takes its report. */
  private async follow({ etag, report }: Announcement): Promise<void> {
    if (this.elector.mode() === 'leader') return;
    const underway = this.adopting.get(etag);
    if (underway) await underway;
    else if (this.parts.versions.current()?.etag !== etag) {
      const adoption = this.adopt(etag, report);
      this.adopting.set(etag, adoption);
      await adoption.finally(() => this.adopting.delete(etag));
      return;
    }
    if (report) this.recordShared(report);
  }

  private async adopt(etag: string, report: RefreshReport | null): Promise<void> {
    const snapshot = await this.shared.snapshot(etag);
    if (snapshot !== null) await this.parts.snapshots.adopt(snapshot, report);
  }

  /** Takes a report the holder made, unless a later one is already here. */
  private recordShared(report: RefreshReport): void {
    const { versions } = this.parts;
    const known = versions.lastRefresh();
    if (known === null || known.finishedAt <= report.finishedAt) versions.recordReport(report);
  }

  /** The holder carries out a forwarded refresh; the others leave it to the holder. */
  private async carryOut(request: RefreshRequest): Promise<Omit<RefreshReply, 'id'> | null> {
    if (this.elector.mode() !== 'leader') return null;
    // The refresher's single flight merges requests from every replica into one upstream fetch. An
    // accepted version was already shared (on this same connection), so the follower receives it before this reply.
    this.parts.logger.info('carrying out a refresh forwarded by another replica', { from: request.from, force: request.force });
    const outcome = await this.parts.refresher.refresh({ force: request.force, trigger: 'admin' });
    if (outcome.kind === 'accepted') return { outcome: { kind: 'accepted', etag: outcome.version.etag, diff: outcome.diff }, report: outcome.report };
    return { outcome, report: this.parts.versions.lastRefresh()! };
  }

  /** Waits until this replica serves the version with `etag` (adopted from the channel). */
  private awaitVersion(etag: string, timeoutMs: number): Promise<CatalogueVersion | null> {
    // The version may be announced before the wait begins: follow it once more after subscribing.
    return versionServed(this.parts.versions, etag, timeoutMs, () => void this.follow({ etag, report: null }).catch(() => {}));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
