import { randomUUID } from 'node:crypto';
import type { CatalogueParts, Replication, ReplicationFactory } from '../catalogue/catalogue.js';
import type { RefreshOptions, RefreshOutcome } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import { LeaseElector, type ReplicationMode } from './lease-elector.js';
import { RedisLink } from './redis-link.js';
import { RefreshChannel, type RefreshRequest, type WireOutcome } from './refresh-channel.js';
import { InvalidSharedSnapshot, SnapshotChannel } from './snapshot-channel.js';

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
 * When Redis is unreachable each replica refreshes on its own, so no replica ever serves an empty or
 * frozen catalogue; it rejoins when Redis returns.
 */
export class RedisReplication implements Replication {
  readonly replicaId: string;
  private readonly link: RedisLink;
  private readonly elector: LeaseElector;
  private readonly shared: SnapshotChannel;
  private readonly requests: RefreshChannel;
  private unsubscribe: (() => void) | null = null;
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
    this.shared.onPublished((etag) => this.adoptShared(etag));
    this.requests.serve((request) => this.carryOut(request));
    this.link.onUp(() => this.redisUp());
    this.link.onDown(() => this.redisDown());
  }

  /** How this replica takes part right now. */
  replicationMode(): ReplicationMode {
    return this.elector.mode();
  }

  /** Connects and adopts the shared catalogue, if any, before anything is served. Without Redis the replica starts on its own. */
  async join(): Promise<void> {
    this.parts.scheduler.setEnabled(false);
    try {
      await this.link.connect();
      await this.bootFromShared();
    } catch (error) {
      this.parts.logger.warn(`Redis unreachable at startup, refreshing standalone: ${describe(error)}`);
      this.parts.scheduler.setEnabled(true);
    }
  }

  async compete(): Promise<void> {
    this.unsubscribe = this.parts.versions.onVersion((version) => void this.shareIfLeader(version));
    await this.elector.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.elector.stop();
    this.link.disconnect();
  }

  /** On the lease holder or standalone: refresh here. On a follower: ask the holder and wait for its answer. */
  async refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    const { refresher, versions } = this.parts;
    if (this.elector.mode() !== 'follower') return refresher.refresh(options);
    const timeoutMs = this.options.refreshTimeoutMs ?? 60_000;
    const reply = await this.requests.ask(options.force ?? false, timeoutMs);
    // Nobody answered (the holder just died, or Redis went away): refresh here rather than fail.
    if (reply === null) return refresher.refresh(options);
    if (reply.outcome.kind !== 'accepted') return reply.outcome;
    const version = await this.awaitVersion(reply.outcome.etag, timeoutMs);
    const latest = versions.changes(1)[0];
    if (version === null || latest === undefined) return refresher.refresh(options);
    return { kind: 'accepted', version, diff: latest };
  }

  private async bootFromShared(): Promise<void> {
    const etag = await this.shared.currentEtag();
    if (etag === null) return;
    try {
      const snapshot = await this.shared.snapshot(etag);
      if (snapshot === null) return;
      const { version } = await this.parts.snapshots.adopt(snapshot, null);
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
      if (current) void this.shareIfLeader(current);
    } else if (mode === 'follower') {
      scheduler.setEnabled(false);
      logger.info(`following the shared catalogue: ${reason}`, { replica: this.replicaId });
      // Catch up with whatever the holder shared while this replica was on its own or starting.
      void this.shared
        .currentEtag()
        .then((etag) => (etag === null ? undefined : this.adoptShared(etag)))
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
    this.parts.logger.warn('Redis unreachable: refreshing standalone until it returns');
    this.parts.scheduler.setEnabled(true);
    this.requests.failPending({ kind: 'upstream-unavailable', failureKind: 'transport', message: 'Redis became unreachable while the refresh was forwarded', status: null, retryAfterSeconds: null });
  }

  private async shareIfLeader(version: CatalogueVersion): Promise<void> {
    if (this.elector.mode() !== 'leader' || version.origin === 'shared') return;
    const snapshot = this.parts.snapshots.export();
    if (snapshot === null) return;
    try {
      await this.shared.publish(version.etag, snapshot);
    } catch (error) {
      this.parts.logger.warn(`could not publish catalogue version ${version.version}: ${describe(error)}`);
    }
  }

  private async adoptShared(etag: string): Promise<void> {
    if (this.elector.mode() === 'leader' || this.parts.versions.current()?.etag === etag) return;
    const snapshot = await this.shared.snapshot(etag);
    if (snapshot !== null) await this.parts.snapshots.adopt(snapshot, null);
  }

  /** The holder carries out a forwarded refresh; the others leave it to the holder. */
  private async carryOut(request: RefreshRequest): Promise<WireOutcome | null> {
    if (this.elector.mode() !== 'leader') return null;
    // The refresher's single flight merges requests from every replica into one upstream fetch. An
    // accepted version was already shared (on this same connection), so the follower receives it before this reply.
    const outcome = await this.parts.refresher.refresh({ force: request.force, trigger: 'admin' });
    return outcome.kind === 'accepted' ? { kind: 'accepted', etag: outcome.version.etag } : outcome;
  }

  /** Waits until this replica serves the version with `etag` (adopted from the channel). */
  private awaitVersion(etag: string, timeoutMs: number): Promise<CatalogueVersion | null> {
    const { versions } = this.parts;
    const current = versions.current();
    if (current?.etag === etag) return Promise.resolve(current);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        unsubscribe();
        resolve(null);
      }, timeoutMs);
      const unsubscribe = versions.onVersion((version) => {
        if (version.etag !== etag) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(version);
      });
      // The version may have been adopted between the check above and the subscription.
      void this.adoptShared(etag).catch(() => {});
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
