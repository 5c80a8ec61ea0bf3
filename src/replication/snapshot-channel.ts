import { parseSnapshot, serializeSnapshot, type CatalogueSnapshot } from '../catalogue/snapshot-format.js';
import type { RedisLink } from './redis-link.js';

const CHANNEL = 'versions';

/**
 * The shared catalogue in Redis: each published version's snapshot under its etag (kept for a week),
 * a pointer to the current one for replicas that start later, and a message on the `versions`
 * channel so the others adopt it at once.
 */
export class SnapshotChannel {
  constructor(
    private readonly link: RedisLink,
    private readonly snapshotTtlSeconds: number,
  ) {}

  /** Hands every etag published from now on to `handler`. Call before the link connects. */
  onPublished(handler: (etag: string) => void): void {
    this.link.onMessage(CHANNEL, handler);
  }

  /** Shares a version: its snapshot, the current pointer and the message, in one transaction. */
  async publish(etag: string, snapshot: CatalogueSnapshot): Promise<void> {
    const { commands } = this.link;
    await commands
      .multi()
      .set(this.link.key(`snapshot:${etag}`), serializeSnapshot(snapshot), 'EX', this.snapshotTtlSeconds)
      .set(this.link.key('current'), etag)
      .publish(this.link.key(CHANNEL), etag)
      .exec();
  }

  /** The etag of the version shared last, or null when none is. */
  currentEtag(): Promise<string | null> {
    return this.link.commands.get(this.link.key('current'));
  }

  /** The shared snapshot of a version, validated; null when Redis no longer has it. Throws InvalidSharedSnapshot when it is unusable. */
  async snapshot(etag: string): Promise<CatalogueSnapshot | null> {
    const raw = await this.link.commands.get(this.link.key(`snapshot:${etag}`));
    if (raw === null) return null;
    try {
      return parseSnapshot(JSON.parse(raw));
    } catch (error) {
      throw new InvalidSharedSnapshot(error instanceof Error ? error.message : String(error));
    }
  }
}

/** A shared snapshot that cannot be used (another format, or corrupted). */
export class InvalidSharedSnapshot extends Error {
  override readonly name = 'InvalidSharedSnapshot';
}
