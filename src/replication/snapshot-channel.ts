import { parseSnapshot, serializeSnapshot, type CatalogueSnapshot } from '../catalogue/snapshot-format.js';
import type { RedisLink } from './redis-link.js';
import { parseAnnouncement, type Announcement } from './wire.js';

const CHANNEL = 'versions';

/**
 * The shared catalogue in Redis: each shared version's snapshot under its etag (kept for a week), the
 * latest announcement (the etag and the report of the last refresh) for replicas that start later,
 * and a message on the `versions` channel so the others follow at once.
 */
export class SnapshotChannel {
  constructor(
    private readonly link: RedisLink,
    private readonly snapshotTtlSeconds: number,
  ) {}

  /** Hands every announcement from now on to `handler`. Call before the link connects. */
  onAnnounced(handler: (announcement: Announcement) => Promise<void>): void {
    this.link.onMessage(CHANNEL, (message) => handler(parseAnnouncement(message)));
  }

  /** Shares a version with the report of the refresh that made it: its snapshot and the announcement, in one transaction. */
  async share(announcement: Announcement, snapshot: CatalogueSnapshot): Promise<void> {
    await this.link.commands
      .multi()
      .set(this.link.key(`snapshot:${announcement.etag}`), serializeSnapshot(snapshot), 'EX', this.snapshotTtlSeconds)
      .set(this.link.key('current'), announcement.etag)
      .set(this.link.key('current-report'), JSON.stringify(announcement.report))
      .publish(this.link.key(CHANNEL), JSON.stringify(announcement))
      .exec();
  }

  /** Announces a refresh attempt that put no new version in place. */
  async announce(announcement: Announcement): Promise<void> {
    await this.link.commands
      .multi()
      .set(this.link.key('current-report'), JSON.stringify(announcement.report))
      .publish(this.link.key(CHANNEL), JSON.stringify(announcement))
      .exec();
  }

  /** The latest announcement, or null when nothing was shared yet; its report is null when there is none or it is unusable. */
  async latest(): Promise<Announcement | null> {
    const [etag, report] = await this.link.commands.mget(this.link.key('current'), this.link.key('current-report'));
    if (etag === null || etag === undefined) return null;
    try {
      return parseAnnouncement(`{"etag":${JSON.stringify(etag)},"report":${report ?? 'null'}}`);
    } catch {
      return { etag, report: null };
    }
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
