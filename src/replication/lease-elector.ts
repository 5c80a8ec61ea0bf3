import type { RedisLink } from './redis-link.js';

/** How a replica takes part: it refreshes for everyone, follows the one that does, or is on its own (no Redis). */
export type ReplicationMode = 'leader' | 'follower' | 'standalone';

// Renew or release the lease only while we still hold it (another replica may have taken it over).
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface LeaseElectorOptions {
  readonly replicaId: string;
  /** Lease lifetime; the holder renews it every third of it, so a dead holder is replaced within it. */
  readonly ttlMs: number;
  /** Told of every change of mode, with the reason. */
  readonly onChange: (mode: ReplicationMode, reason: string) => void;
}

/**
 * Chooses the one replica that refreshes: whoever holds the lease key in Redis (`SET NX PX`) leads,
 * renewing it every third of its lifetime; the others follow and try to take it each round. Without
 * Redis every replica is on its own.
 */
export class LeaseElector {
  private current: ReplicationMode = 'standalone';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly link: RedisLink,
    private readonly options: LeaseElectorOptions,
  ) {}

  mode(): ReplicationMode {
    return this.current;
  }

  /** Whether the rounds have started (they start once the replica serves a catalogue). */
  get started(): boolean {
    return this.timer !== null;
  }

  /** Starts the rounds and runs the first one. */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.round(), Math.max(100, Math.floor(this.options.ttlMs / 3)));
    this.timer.unref();
    await this.round();
  }

  /** One round: renew the lease we hold, or try to take it. */
  async round(): Promise<void> {
    if (!this.link.isUp() || this.timer === null) return;
    const lease = this.link.key('lease');
    try {
      if (this.current === 'leader') {
        const renewed = await this.link.commands.eval(RENEW_SCRIPT, 1, lease, this.options.replicaId, String(this.options.ttlMs));
        if (renewed !== 1) this.become('follower', 'lost the refresher lease');
        return;
      }
      const acquired = await this.link.commands.set(lease, this.options.replicaId, 'PX', this.options.ttlMs, 'NX');
      if (acquired === 'OK') this.become('leader', 'took the refresher lease');
      else this.become('follower', 'another replica holds the refresher lease');
    } catch {
      // Redis went away mid-call; losing the link makes this replica standalone.
    }
  }

  /** Redis is unreachable: every replica is on its own until it returns. */
  lostRedis(): void {
    this.become('standalone', 'Redis is unreachable');
  }

  /** Stops the rounds and gives the lease up, so another replica takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.current === 'leader') await this.link.commands.eval(RELEASE_SCRIPT, 1, this.link.key('lease'), this.options.replicaId).catch(() => 0);
  }

  private become(mode: ReplicationMode, reason: string): void {
    if (mode === this.current) return;
    this.current = mode;
    this.options.onChange(mode, reason);
  }
}
