import { standingExpiry, type Standing } from '../catalogue/outcome-policy.js';
import type { StandingBook } from '../catalogue/standings.js';
import type { Logger } from '../logger.js';
import type { RedisLink } from './redis-link.js';
import { parseStanding, parseStandingsMessage, type StandingsMessage } from './wire.js';

const CHANNEL = 'standings';
const KEY_PREFIX = 'standing:';
/** Changes made within this window go to Redis together: a flood of reports costs one write per config per window. */
const FLUSH_MS = 100;

export interface StandingsChannelOptions {
  readonly replicaId: string;
  readonly logger: Logger;
}

/**
 * Cooldowns and blocks shared by every replica. Redis holds the truth: one key per config
 * (`standing:<id>`, the standing as JSON, expiring when it no longer matters), and every change is
 * published on the `standings` channel, so the other replicas' books (the mirrors their queries read)
 * take it within a second. Writes are coalesced: the changes of a window go out in one transaction,
 * one key per config however many reports changed it. Of two standings of a config, the later wins.
 *
 * While Redis is down each replica's standings are its own (logged once). When it is back, the replica
 * takes what Redis holds and writes back what it learned meanwhile, so no replica's knowledge is lost.
 */
export class StandingsChannel {
  private readonly pending = new Map<number, Standing>();
  private timer: NodeJS.Timeout | null = null;
  private shared = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  /** Call before the link connects (it subscribes to the channel then). */
  constructor(
    private readonly link: RedisLink,
    private readonly book: StandingBook,
    private readonly options: StandingsChannelOptions,
  ) {
    link.onMessage(CHANNEL, (message) => this.received(parseStandingsMessage(message)));
    link.onUp(() => void this.resync());
    link.onDown(() => this.lost());
    this.unsubscribe = book.onChange((configId, standing) => this.changed(configId, standing));
  }

  /** Writes what is pending, then stops sharing. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** Merges every standing Redis holds, then writes back those this replica knows better. */
  async resync(): Promise<void> {
    if (this.stopped) return;
    const { commands } = this.link;
    try {
      const keys: string[] = [];
      // SCAN, not KEYS: Redis stays responsive; there is at most one key per config.
      for await (const batch of commands.scanStream({ match: this.link.key(`${KEY_PREFIX}*`), count: 1000 })) keys.push(...(batch as string[]));
      const values = keys.length === 0 ? [] : await commands.mget(...keys);
      const inRedis = new Map<number, Standing>();
      keys.forEach((key, index) => {
        const configId = Number(key.slice(this.link.key(KEY_PREFIX).length));
        const value = values[index];
        if (!Number.isInteger(configId) || value === null || value === undefined) return;
        try {
          inRedis.set(configId, parseStanding(value));
        } catch (error) {
          this.options.logger.warn(`ignored the shared standing of config ${configId}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      let merged = 0;
      for (const [configId, standing] of inRedis) if (this.book.merge(configId, standing)) merged += 1;
      for (const [configId, standing] of this.book.entries()) {
        const shared = inRedis.get(configId);
        if (shared === undefined || shared.updatedAt < standing.updatedAt) this.pending.set(configId, standing);
      }
      const written = this.pending.size;
      await this.flush();
      const wasLocal = !this.shared;
      this.shared = true;
      if (wasLocal && (merged > 0 || written > 0)) this.options.logger.info('cooldowns and blocks shared through Redis', { merged, writtenBack: written });
    } catch (error) {
      this.options.logger.warn(`could not read the shared cooldowns and blocks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The book keeps working on its own (the replica logs the switch once); resync() shares it again when Redis is back. */
  private lost(): void {
    this.shared = false;
    this.pending.clear();
  }

  private changed(configId: number, standing: Standing): void {
    if (!this.shared) return;
    this.pending.set(configId, standing);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush().catch((error: unknown) => this.options.logger.warn(`could not share cooldowns and blocks: ${error instanceof Error ? error.message : String(error)}`));
    }, FLUSH_MS);
  }

  /** One transaction: each pending standing under its key (expiring with it) and one message with all of them. */
  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    const now = Date.now();
    const transaction = this.link.commands.multi();
    for (const [configId, standing] of batch) {
      const ttlMs = standingExpiry(standing) - now;
      if (ttlMs > 0) transaction.set(this.link.key(`${KEY_PREFIX}${configId}`), JSON.stringify(standing), 'PX', Math.ceil(ttlMs));
      else transaction.del(this.link.key(`${KEY_PREFIX}${configId}`));
    }
    const message: StandingsMessage = { from: this.options.replicaId, standings: batch.map(([configId, standing]) => ({ configId, standing: { ...standing, rejections: [...standing.rejections] } })) };
    transaction.publish(this.link.key(CHANNEL), JSON.stringify(message));
    await transaction.exec();
  }

  private received(message: StandingsMessage): void {
    if (message.from === this.options.replicaId) return;
    for (const { configId, standing } of message.standings) this.book.merge(configId, standing);
  }
}
