import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The two Redis connections a replica holds (one for commands, one for subscriptions), its key
 * prefix, and whether Redis is reachable right now. While Redis is down every call fails fast (no
 * offline queue, one retry), so nothing waits on it; ioredis keeps reconnecting in the background.
 */
export class RedisLink {
  readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: string) => void | Promise<void>>();
  private readonly upListeners: (() => void)[] = [];
  private readonly downListeners: (() => void)[] = [];
  private up = false;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(200 * attempt, 2_000),
    };
    this.commands = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
    // Connection errors are handled through the 'close'/'ready' transitions; without a listener ioredis would print them.
    this.commands.on('error', () => {});
    this.subscriber.on('error', () => {});
    this.commands.on('ready', () => this.changed(true));
    this.commands.on('close', () => this.changed(false));
    this.subscriber.on('message', (channel: string, message: string) => void this.deliver(channel, message));
  }

  /** The full Redis key of a name. */
  key(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Whether the command connection is up. */
  isUp(): boolean {
    return this.up;
  }

  onUp(listener: () => void): void {
    this.upListeners.push(listener);
  }

  onDown(listener: () => void): void {
    this.downListeners.push(listener);
  }

  /** Delivers the messages of `channel` (a name under the prefix) to `handler`; a message it fails on is logged and dropped. */
  onMessage(channel: string, handler: (message: string) => void | Promise<void>): void {
    this.handlers.set(this.key(channel), handler);
  }

  /** Connects both connections and subscribes to every channel given a handler. Rejects when Redis is unreachable. */
  async connect(): Promise<void> {
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(...this.handlers.keys());
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.commands.publish(this.key(channel), message);
  }

  disconnect(): void {
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  private async deliver(channel: string, message: string): Promise<void> {
    try {
      await this.handlers.get(channel)?.(message);
    } catch (error) {
      this.logger.warn(`ignored a replication message on ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private changed(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    for (const listener of up ? this.upListeners : this.downListeners) listener();
  }
}
