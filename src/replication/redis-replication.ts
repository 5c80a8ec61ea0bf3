import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CatalogueParts, Replication, ReplicationFactory } from '../catalogue/catalogue.js';
import { parseSnapshot, serializeSnapshot } from '../catalogue/snapshot-format.js';
import type { RefreshOptions, RefreshOutcome } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import type { Logger } from '../logger.js';

/**
 * Several replicas, one catalogue. One replica at a time holds a refresher lease in Redis; it alone
 * fetches and enriches, and publishes every version it accepts (the snapshot under a version key,
 * its etag on a channel). The others adopt published versions instead of fetching, forward
 * `refreshCatalogue` to the holder, and boot from the shared snapshot. When Redis is unreachable each
 * replica refreshes on its own, so no replica ever serves an empty or frozen catalogue; it rejoins
 * when Redis returns.
 */

export type ReplicationMode = 'leader' | 'follower' | 'standalone';

export interface ReplicationOptions {
  readonly redisUrl: string;
  readonly logger: Logger;
  readonly replicaId?: string;
  /** Lease lifetime; the holder renews it every third of it, so a dead holder is replaced within it. */
  readonly leaseTtlMs?: number;
  readonly keyPrefix?: string;
  /** How long a follower waits for the holder to answer a forwarded refresh. */
  readonly refreshTimeoutMs?: number;
  /** How long a shared snapshot is kept in Redis. */
  readonly snapshotTtlSeconds?: number;
}

/** A refresh outcome as it crosses the wire (a version is named by its etag). */
type WireOutcome =
  | { readonly kind: 'accepted'; readonly etag: string }
  | Exclude<RefreshOutcome, { kind: 'accepted' }>;

interface RefreshRequest {
  readonly id: string;
  readonly force: boolean;
  readonly from: string;
}

interface RefreshReply {
  readonly id: string;
  readonly outcome: WireOutcome;
}

// Renew or release the lease only while we still hold it (another replica may have taken it over).
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Replication through the Redis at `options.redisUrl`. */
export function redisReplication(options: ReplicationOptions): ReplicationFactory {
  return (parts) => new ReplicatedCatalogue(parts, options);
}

export class ReplicatedCatalogue implements Replication {
  readonly replicaId: string;
  private mode: ReplicationMode = 'standalone';
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly leaseTtlMs: number;
  private readonly prefix: string;
  private leaseTimer: NodeJS.Timeout | null = null;
  private readonly pendingReplies = new Map<string, (reply: RefreshReply) => void>();
  private unsubscribeVersions: (() => void) | null = null;
  private stopped = false;
  private redisUp = false;

  constructor(
    private readonly parts: CatalogueParts,
    private readonly options: ReplicationOptions,
  ) {
    this.replicaId = options.replicaId ?? randomUUID();
    this.leaseTtlMs = options.leaseTtlMs ?? 15_000;
    this.prefix = options.keyPrefix ?? 'llm-catalogue:';
    // Fail fast while Redis is down (no offline queue, one retry) so nothing waits on it; keep reconnecting forever.
    const redisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(200 * attempt, 2_000),
    };
    this.commands = new Redis(options.redisUrl, redisOptions);
    this.subscriber = new Redis(options.redisUrl, { ...redisOptions, enableOfflineQueue: true });
    // Connection errors are handled through the 'close'/'ready' transitions; without a listener ioredis would print them.
    this.commands.on('error', () => {});
    this.subscriber.on('error', () => {});
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** How this replica takes part right now. */
  replicationMode(): ReplicationMode {
    return this.mode;
  }

  /**
   * Connects and adopts the shared catalogue if there is one (before anything else is served). Never
   * fails because of Redis: without it the replica starts standalone.
   */
  async join(): Promise<void> {
    const { logger } = this.options;
    this.parts.scheduler.setEnabled(false);
    this.commands.on('ready', () => this.onRedisUp());
    this.commands.on('close', () => this.onRedisDown());
    this.subscriber.on('message', (channel: string, message: string) => void this.onMessage(channel, message));
    try {
      await Promise.all([this.commands.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.key('versions'), this.key('refresh-requests'), this.key('refresh-replies'));
      await this.bootFromShared();
    } catch (error) {
      logger.warn(`Redis unreachable at startup, refreshing standalone: ${describe(error)}`);
      this.parts.scheduler.setEnabled(true);
    }
  }

  /** Joins the lease competition, once this replica serves a catalogue. */
  async compete(): Promise<void> {
    this.unsubscribeVersions = this.parts.versions.onVersion((version) => void this.publishIfLeader(version));
    this.leaseTimer = setInterval(() => void this.tickLease(), Math.max(100, Math.floor(this.leaseTtlMs / 3)));
    this.leaseTimer.unref();
    await this.tickLease();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.unsubscribeVersions?.();
    if (this.mode === 'leader') await this.commands.eval(RELEASE_SCRIPT, 1, this.key('lease'), this.replicaId).catch(() => 0);
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  /** On the lease holder or standalone: refresh here. On a follower: ask the holder and wait for its answer. */
  async refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    if (this.mode !== 'follower') return this.parts.refresher.refresh(options);
    const request: RefreshRequest = { id: randomUUID(), force: options.force ?? false, from: this.replicaId };
    const timeoutMs = this.options.refreshTimeoutMs ?? 60_000;
    const reply = await new Promise<RefreshReply | null>((resolve) => {
      const timer = setTimeout(() => {
        this.pendingReplies.delete(request.id);
        resolve(null);
      }, timeoutMs);
      this.pendingReplies.set(request.id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.commands.publish(this.key('refresh-requests'), JSON.stringify(request)).catch(() => {
        clearTimeout(timer);
        this.pendingReplies.delete(request.id);
        resolve(null);
      });
    });
    // Nobody answered (the holder just died, or Redis went away): refresh here rather than fail.
    if (reply === null) return this.parts.refresher.refresh(options);
    if (reply.outcome.kind !== 'accepted') return reply.outcome;
    const version = await this.awaitVersion(reply.outcome.etag, timeoutMs);
    const latest = this.parts.versions.changes(1)[0];
    if (version === null || latest === undefined) return this.parts.refresher.refresh(options);
    return { kind: 'accepted', version, diff: latest };
  }

  private async bootFromShared(): Promise<void> {
    const etag = await this.commands.get(this.key('current'));
    if (etag === null) return;
    const raw = await this.commands.get(this.key(`snapshot:${etag}`));
    if (raw === null) return;
    try {
      const { version } = await this.parts.snapshots.adopt(parseSnapshot(JSON.parse(raw)), null);
      this.options.logger.info('booted from the shared catalogue', { etag: version.etag, configs: version.configs.length });
    } catch (error) {
      this.options.logger.warn(`shared catalogue in Redis ignored: ${describe(error)}`);
    }
  }

  private async tickLease(): Promise<void> {
    if (this.stopped || !this.redisUp) return;
    try {
      if (this.mode === 'leader') {
        const renewed = await this.commands.eval(RENEW_SCRIPT, 1, this.key('lease'), this.replicaId, String(this.leaseTtlMs));
        if (renewed !== 1) this.becomeFollower('lost the refresher lease');
        return;
      }
      const acquired = await this.commands.set(this.key('lease'), this.replicaId, 'PX', this.leaseTtlMs, 'NX');
      if (acquired === 'OK') this.becomeLeader();
      else if (this.mode !== 'follower') this.becomeFollower('another replica holds the refresher lease');
    } catch {
      // Redis went away mid-call; the 'close' handler switches to standalone.
    }
  }

  private becomeLeader(): void {
    this.mode = 'leader';
    this.options.logger.info('holding the refresher lease: this replica fetches and publishes', { replica: this.replicaId });
    this.parts.scheduler.setEnabled(true);
    const current = this.parts.versions.current();
    if (current) void this.publishIfLeader(current);
  }

  private becomeFollower(reason: string): void {
    const was = this.mode;
    this.mode = 'follower';
    this.parts.scheduler.setEnabled(false);
    if (was === 'follower') return;
    this.options.logger.info(`following the shared catalogue: ${reason}`, { replica: this.replicaId });
    // Catch up with whatever the holder published while this replica was on its own or starting.
    void this.commands
      .get(this.key('current'))
      .then((etag) => (etag === null ? undefined : this.adoptPublished(etag)))
      .catch((error: unknown) => this.options.logger.warn(`could not catch up with the shared catalogue: ${describe(error)}`));
  }

  private onRedisUp(): void {
    if (this.redisUp || this.stopped) return;
    const wasDown = this.mode === 'standalone' && this.leaseTimer !== null;
    this.redisUp = true;
    if (wasDown) this.options.logger.info('Redis is back: rejoining the shared catalogue');
    void this.tickLease();
  }

  private onRedisDown(): void {
    if (!this.redisUp || this.stopped) return;
    this.redisUp = false;
    this.mode = 'standalone';
    // Logged once per outage: ioredis keeps reconnecting quietly until 'ready'.
    this.options.logger.warn('Redis unreachable: refreshing standalone until it returns');
    this.parts.scheduler.setEnabled(true);
    for (const [id, resolve] of this.pendingReplies) resolve({ id, outcome: { kind: 'upstream-unavailable', failureKind: 'transport', message: 'Redis became unreachable while the refresh was forwarded', status: null, retryAfterSeconds: null } });
    this.pendingReplies.clear();
  }

  private async publishIfLeader(version: CatalogueVersion): Promise<void> {
    if (this.mode !== 'leader' || version.origin === 'shared') return;
    const snapshot = this.parts.snapshots.export();
    if (snapshot === null) return;
    try {
      await this.commands
        .multi()
        .set(this.key(`snapshot:${version.etag}`), serializeSnapshot(snapshot), 'EX', this.options.snapshotTtlSeconds ?? 7 * 24 * 3600)
        .set(this.key('current'), version.etag)
        .publish(this.key('versions'), version.etag)
        .exec();
    } catch (error) {
      this.options.logger.warn(`could not publish catalogue version ${version.version}: ${describe(error)}`);
    }
  }

  private async onMessage(channel: string, message: string): Promise<void> {
    try {
      if (channel === this.key('versions')) await this.adoptPublished(message);
      else if (channel === this.key('refresh-requests')) await this.answerRefresh(JSON.parse(message) as RefreshRequest);
      else if (channel === this.key('refresh-replies')) {
        const reply = JSON.parse(message) as RefreshReply;
        this.pendingReplies.get(reply.id)?.(reply);
        this.pendingReplies.delete(reply.id);
      }
    } catch (error) {
      this.options.logger.warn(`ignored a replication message on ${channel}: ${describe(error)}`);
    }
  }

  private async adoptPublished(etag: string): Promise<void> {
    if (this.mode === 'leader' || this.parts.versions.current()?.etag === etag) return;
    const raw = await this.commands.get(this.key(`snapshot:${etag}`));
    if (raw === null) return;
    await this.parts.snapshots.adopt(parseSnapshot(JSON.parse(raw)), null);
  }

  private async answerRefresh(request: RefreshRequest): Promise<void> {
    if (this.mode !== 'leader') return;
    // The refresher's single flight merges requests from every replica into one upstream fetch.
    // An accepted version was already published by the onVersion listener, on this same connection, so
    // the follower receives it before this reply.
    const outcome = await this.parts.refresher.refresh({ force: request.force, trigger: 'admin' });
    const wire: WireOutcome = outcome.kind === 'accepted' ? { kind: 'accepted', etag: outcome.version.etag } : outcome;
    await this.commands.publish(this.key('refresh-replies'), JSON.stringify({ id: request.id, outcome: wire } satisfies RefreshReply));
  }

  /** Waits until this replica serves the version with `etag` (adopted from the channel). */
  private awaitVersion(etag: string, timeoutMs: number): Promise<CatalogueVersion | null> {
    const current = this.parts.versions.current();
    if (current?.etag === etag) return Promise.resolve(current);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        unsubscribe();
        resolve(null);
      }, timeoutMs);
      const unsubscribe = this.parts.versions.onVersion((version) => {
        if (version.etag !== etag) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(version);
      });
      // The version may have been adopted between the check above and the subscription.
      void this.adoptPublished(etag).catch(() => {});
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
