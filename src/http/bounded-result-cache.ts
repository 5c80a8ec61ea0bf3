import type { ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Cache } from '@graphql-yoga/plugin-response-cache';

/**
 * The store behind the response cache: results under digest keys, bounded by entries and by bytes
 * (keys counted), admitted from a request's second sighting, emptied when the catalogue state moves on.
 * It also keeps, per entry, the serialised answer and the raw requests it has answered (for replays).
 */

/** What a result costs before its serialised size is known (it is re-measured once serialised). */
const PROVISIONAL_BYTES = 16 * 1024;
/** Per-entry bookkeeping beyond the body: the key twice, headers, the LRU's node. */
const ENTRY_OVERHEAD_BYTES = 512;
/** Bound on the raw requests remembered for replays (their text, as UTF-16: at most 4,000 × 4 KiB). */
const MAX_REPLAY_KEY_BYTES = 8 * 1024 * 1024;

export interface BoundsOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly doorkeeperSize: number;
}

export interface Entry {
  readonly result: ExecutionResult;
  /** The serialised response, once a request has been answered with it. */
  /** Kept as bytes: writing a 67 KB string to a socket encodes it again on every request. */
  readonly response?: { readonly body: Buffer; readonly headers: readonly (readonly [string, string])[] };
}

export class BoundedResultCache implements Cache {
  private stamp: string | null = null;
  private readonly entries: LRUCache<string, Entry>;
  private readonly doorkeeper: LRUCache<string, true>;

  /**
   * A raw request (method, path and query, media types, body: its text up to 2 KiB, else its SHA-256)
   * → key of the entry that answered it. Bounded by entries and by bytes.
   */
  readonly replays: LRUCache<string, string>;

  constructor(
    private readonly currentStamp: () => string,
    private readonly options: BoundsOptions,
  ) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => (entry.response?.body.length ?? PROVISIONAL_BYTES) + key.length + ENTRY_OVERHEAD_BYTES,
    });
    this.doorkeeper = new LRUCache<string, true>({ max: options.doorkeeperSize });
    this.replays = new LRUCache<string, string>({ max: options.maxEntries * 4, maxSize: MAX_REPLAY_KEY_BYTES, sizeCalculation: (entryKey, raw) => raw.length * 2 + entryKey.length });
  }

  /** Empties the cache when the catalogue state moved on: no entry of an old state can match again. */
  observe(stamp: string): void {
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.clear();
  }

  clear(): void {
    this.entries.clear();
    this.doorkeeper.clear();
    this.replays.clear();
  }

  get(key: string): ExecutionResult | null {
    // The library also looks up If-None-Match values here, before any key is built for the request.
    this.observe(this.currentStamp());
    const found = this.entries.get(key) ?? this.entries.get(this.keptValidator(key) ?? '');
    return found?.result ?? null;
  }

  /**
   * The kept key among the validators of an If-None-Match value: a list (`"a", "b"`) or weak forms
   * (`W/"a"`, as a proxy that compresses answers sends them back) name the same answer. Keys never
   * contain a comma or start with W/, so a plain key is not parsed.
   */
  keptValidator(ifNoneMatch: string): string | undefined {
    if (!ifNoneMatch.includes(',') && !ifNoneMatch.startsWith('W/')) return undefined;
    return ifNoneMatch
      .split(',')
      .map((candidate) => candidate.trim().replace(/^W\//, ''))
      .find((candidate) => this.entries.has(candidate));
  }

  entry(key: string): Entry | undefined {
    return this.entries.get(key, { updateAgeOnGet: false });
  }

  /**
   * Whether a request's result may be looked up and kept: from its second sighting on. The first
   * sighting only leaves its digest in the doorkeeper, and the library then does no work at all
   * for it (its bookkeeping walks every object of a result, which costs more than executing it).
   */
  admits(key: string): boolean {
    if (this.entries.has(key) || this.doorkeeper.has(key)) return true;
    this.doorkeeper.set(key, true);
    return false;
  }

  set(key: string, result: ExecutionResult, _entities: unknown, ttl: number): void {
    if (ttl !== 0) this.entries.set(key, { result });
  }

  /** Keeps the serialised response with its result, re-measuring the entry by its real size. */
  remember(key: string, response: NonNullable<Entry['response']>): void {
    const entry = this.entries.get(key, { updateAgeOnGet: false });
    if (!entry) return;
    if (response.body.length > this.options.maxEntryBytes) this.entries.delete(key);
    else this.entries.set(key, { result: entry.result, response });
  }

  /** Entity invalidation is not used: the state stamp in every key already retires old answers. */
  invalidate(): void {}

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }
}
