import { createHash } from 'node:crypto';

/**
 * Finished responses of anonymous queries, keyed by the exact request (method, query string or
 * body, Accept header) under a catalogue state stamp. Every response is a pure function of the
 * catalogue state and the request, so an entry is valid exactly as long as the stamp: the first
 * request after a refresh sees a new stamp, the cache is emptied, and that request is answered
 * from the new catalogue.
 */

export class CachedResponse {
  private bytes: Buffer | null;
  private readonly text: string | null;
  private tag: string | null = null;

  /** `body` may be the serialised text: it is encoded once, when bytes are first needed. */
  constructor(
    readonly status: number,
    readonly headers: readonly (readonly [string, string])[],
    body: Buffer | string,
  ) {
    this.bytes = typeof body === 'string' ? null : body;
    this.text = typeof body === 'string' ? body : null;
  }

  get body(): Buffer {
    this.bytes ??= Buffer.from(this.text!, 'utf8');
    return this.bytes;
  }

  /** Size of the body in bytes, without encoding a text body. */
  get byteLength(): number {
    return this.bytes !== null ? this.bytes.length : Buffer.byteLength(this.text!, 'utf8');
  }

  /** What to hand to `res.end`: the bytes when encoded already, else the text (Node encodes it as it writes). */
  get payload(): Buffer | string {
    return this.bytes ?? this.text!;
  }

  /** Strong validator for HTTP caching: a hash of the body, computed on first use (only GET responses need one). */
  get etag(): string {
    this.tag ??= etagOf(this.body);
    return this.tag;
  }
}

export interface ResponseCacheOptions {
  /** Most distinct requests kept per catalogue state; the oldest entry goes first. */
  readonly maxEntries?: number;
  /** Larger responses are not kept (they would crowd out everything else). */
  readonly maxEntryBytes?: number;
  /** Bound on the bytes of all kept bodies together. */
  readonly maxTotalBytes?: number;
}

export class ResponseCache {
  private stamp: string | null = null;
  private readonly entries = new Map<string, CachedResponse>();
  /**
   * Keys asked for once but not kept. A response is kept only when its request comes a second
   * time, so traffic that never repeats (new variables each time) costs no memory and no churn.
   */
  private readonly seenOnce = new Set<string>();
  private totalBytes = 0;
  private readonly maxEntries: number;
  private readonly maxEntryBytes: number;
  private readonly maxTotalBytes: number;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  get(stamp: string, key: string): CachedResponse | undefined {
    this.useStamp(stamp);
    return this.entries.get(key);
  }

  set(stamp: string, key: string, status: number, headers: readonly (readonly [string, string])[], body: Buffer | string): CachedResponse {
    const entry = new CachedResponse(status, headers, body);
    this.useStamp(stamp);
    const size = entry.byteLength;
    if (size > this.maxEntryBytes) return entry;
    if (!this.seenOnce.delete(key)) {
      if (this.seenOnce.size >= this.maxEntries) this.seenOnce.delete(this.seenOnce.values().next().value!);
      this.seenOnce.add(key);
      return entry;
    }
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.totalBytes + size > this.maxTotalBytes)) this.evictOldest();
    // Kept entries are encoded now, so hits only copy bytes to the socket.
    void entry.body;
    this.entries.set(key, entry);
    this.totalBytes += size;
    return entry;
  }

  private evictOldest(): void {
    const [key, entry] = this.entries.entries().next().value!;
    this.entries.delete(key);
    this.totalBytes -= entry.byteLength;
  }

  private useStamp(stamp: string): void {
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.entries.clear();
    this.seenOnce.clear();
    this.totalBytes = 0;
  }
}

/** A strong ETag for a response body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header value matches an ETag (`*`, a list, or weak forms). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
