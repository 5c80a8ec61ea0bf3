import { hash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import stableStringify from 'fast-json-stable-stringify';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { BoundedResultCache } from './bounded-result-cache.js';
import { bodyText, originalRequest } from './request-body.js';
import { pathOf, splitUrl } from './url.js';

/**
 * Anonymous query results, cached by `@graphql-yoga/plugin-response-cache`, which decides what may be
 * kept: queries only, no errors, never a selection with a zero TTL (clock-dependent fields), never a
 * request carrying credentials. Around it this module adds three things the plugin leaves open:
 *
 * - The key: a SHA-256 digest of the catalogue state stamp, the negotiated `Accept`, the document,
 *   operation name and variables. A refresh (accepted or failed) changes the stamp, so the very next
 *   request misses; the first request under a new stamp empties the cache. The digest, quoted, is
 *   also the response's strong `ETag`, which the plugin answers with `304` on `If-None-Match`.
 * - The bound: the cache is enabled for a request from its second sighting on (requests that never
 *   repeat cost one digest in a bounded doorkeeper, not a body), and total bytes, keys included, are capped.
 * - The bytes: a cached result is serialised once; later hits answer with those bytes instead of
 *   serialising the result again on every request.
 */

export interface ResponseCacheOptions {
  /** The catalogue state every response depends on (version and last refresh). */
  readonly stamp: () => string;
  /** Path of the GraphQL endpoint (replays are only for it). */
  readonly endpoint: string;
  /** Answer repeated requests from the replay index in `onRequest` (default true; off only to test parity). */
  readonly replay?: boolean;
  /** Schema coordinates whose value moves with the clock, not the catalogue: responses selecting them are never kept. */
  readonly clockDependent?: readonly string[];
}

export interface CatalogueResponseCache {
  /** The replay hook: early in the plugin list, right after the body is read. */
  readonly plugins: readonly Plugin[];
  /** The library and its helpers: after the plugin that sets the execute function, whose function they wrap. */
  readonly executionPlugins: readonly Plugin[];
  /** Entries and bytes currently kept, and how many answers the replay hook has given. */
  stats(): { entries: number; bytes: number; replayed: number };
  clear(): void;
}

/** Requests answered from the response cache (with a body or a 304). */
const servedFromCache = new WeakSet<Request>();

/** Whether this request was answered from the response cache; for logging and metrics plugins. */
export function servedFromResponseCache(request: Request): boolean {
  return servedFromCache.has(request);
}

/** Raw requests up to this length are their own replay key; longer ones are keyed by their SHA-256. */
const MAX_RAW_KEY_TEXT = 2048;

/** Browsers and CDNs may keep a GET answer but must revalidate it (cheap: a 304 on a matching ETag). */
const REVALIDATE = 'public, max-age=0, must-revalidate';
/**
 * A new header list for each answer: the Response may keep the list it is given as its own storage,
 * and later hooks set per-request headers (CORS) on it; a shared list would carry one request's
 * Access-Control-Allow-Origin into the next answer.
 */
function freshHeaders(headers: readonly (readonly [string, string])[]): Record<string, string> {
  return Object.fromEntries(headers);
}

/**
 * What the cache keeps: at most 1,000 results and 64 MiB together (keys included), none over 2 MiB, and
 * 10,000 digests (~1 MB) for the second-sighting rule.
 */
const CACHE_BOUNDS = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024, doorkeeperSize: 10_000 } as const;

export function createResponseCache(options: ResponseCacheOptions): CatalogueResponseCache {
  const cache = new BoundedResultCache(options.stamp, CACHE_BOUNDS);
  const keyOfRequest = new WeakMap<Request, string>();
  // The catalogue state is not part of it: every raw key is forgotten when the state moves on (`observe`).
  // The text itself for requests of a usual size (a look-up hashes it as any string, far cheaper than a
  // SHA-256 per request); a digest of longer ones, so the index stays small (bounded-result-cache.ts).
  const rawKey = (method: string, pathAndSearch: string, accept: string | undefined, contentType: string | undefined, body: string): string => {
    cache.observe(options.stamp());
    const text = `${method}\n${pathAndSearch}\n${accept ?? '\u0000'}\n${contentType ?? '\u0000'}\n${body}`;
    return text.length <= MAX_RAW_KEY_TEXT ? text : `sha256:${hash('sha256', text, 'base64url')}`;
  };
  // Decided once per request: the library asks before lookup and again before execution.
  const admitted = new WeakMap<Request, boolean>();
  const enabled = (request: Request): boolean => {
    if (request.headers.has('authorization')) return false;
    // Asked first for If-None-Match, before the request is parsed: a validator is checked against kept entries only.
    const key = keyOfRequest.get(request);
    if (key === undefined) return true;
    let decision = admitted.get(request);
    if (decision === undefined) {
      decision = cache.admits(key);
      admitted.set(request, decision);
    }
    return decision;
  };

  const library = useResponseCache({
    // Only anonymous requests are cached; one shared "session" for all of them.
    session: () => null,
    enabled,
    cache,
    // The plugin never caches introspection by default; here it may (the schema is fixed for the process).
    ttlPerSchemaCoordinate: { 'Query.__schema': undefined, ...Object.fromEntries((options.clockDependent ?? []).map((coordinate) => [coordinate, 0])) },
    // Ids would only serve entity invalidation, which the state stamp makes unnecessary.
    idFields: [],
    buildResponseCacheKey: ({ documentString, operationName, variableValues, request }) => {
      const stamp = options.stamp();
      cache.observe(stamp);
      // Parameters are not validated yet (Yoga checks them after this hook): hash whatever was sent.
      const document = typeof documentString === 'string' ? documentString : stableStringify(documentString);
      const digest = hash('sha256', `${stamp}\n${request.headers.get('accept') ?? ''}\n${stableStringify(operationName ?? '')}\n${stableStringify(variableValues ?? {})}\n${document}`, 'base64url');
      // Quoted, so the plugin's ETag header (the key itself) is a valid strong validator.
      const key = `"${digest}"`;
      keyOfRequest.set(request, key);
      return key;
    },
  });

  /** Headers of a cached answer that belong to it (CORS and the like are added per request by later hooks). */
  const OWN_HEADERS = ['content-type', 'etag'];

  const rawKeyOfRequest = new WeakMap<Request, string>();
  let replayed = 0;

  /**
   * Answers a request that repeats one already answered from a kept entry, before Yoga parses it:
   * same method, path and query, Accept, Content-Type and body under the same catalogue state. It
   * replays the entry's bytes and headers; hooks after it (CORS, Vary, Cache-Control) run as for any
   * answer. Yoga's full path for a cached answer costs ~2x the prebuilt-bytes server; this is the
   * in-plugin shortcut the throughput target needs (bench/RESULTS.md). test/api/replay-parity.test.ts
   * proves it answers exactly as the full path does.
   */
  const replay: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'POST') return;
      const { pathname, search } = splitUrl(request.url);
      if (pathname !== options.endpoint) return;
      if (request.headers.has('authorization') || request.headers.has('if-none-match')) return;
      const body = request.method === 'POST' ? bodyText(request) : '';
      if (body === undefined) return;
      const raw = rawKey(request.method, `${pathname}${search}`, request.headers.get('accept') ?? undefined, request.headers.get('content-type') ?? undefined, body);
      rawKeyOfRequest.set(request, raw);
      if (options.replay === false) return;
      const key = cache.replays.get(raw);
      const kept = key === undefined ? undefined : cache.entry(key)?.response;
      if (kept === undefined) return;
      servedFromCache.add(request);
      replayed += 1;
      endResponse(new fetchAPI.Response(kept.body as unknown as BodyInit, { status: 200, headers: freshHeaders(kept.headers) }));
    },
  };

  const cachedBytes: Plugin = {
    onResultProcess({ request, result, setResultProcessor }) {
      if ((result as Record<symbol, unknown>)[Symbol.for('servedFromResponseCache')] !== true) return;
      servedFromCache.add(request);
      const kept = cache.entry(keyOfRequest.get(request) ?? '')?.response;
      if (kept) setResultProcessor((_result, fetchAPI) => new fetchAPI.Response(kept.body as unknown as BodyInit, { status: 200, headers: freshHeaders(kept.headers) }), 'application/json');
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status === 304) servedFromCache.add(request);
      const key = keyOfRequest.get(request);
      const entry = key === undefined ? undefined : cache.entry(key);
      if (key === undefined || entry === undefined || response.status !== 200) return;
      const raw = rawKeyOfRequest.get(originalRequest(request));
      if (raw !== undefined) cache.replays.set(raw, key);
      if (entry.response !== undefined) return;
      // First answer since the result was kept: keep its serialised bytes for the next hits.
      return response.arrayBuffer().then((buffer) => {
        const body = Buffer.from(buffer);
        const headers = OWN_HEADERS.flatMap((name): [string, string][] => {
          const value = response.headers.get(name);
          return value === null ? [] : [[name, value]];
        });
        cache.remember(key, { body, headers });
        setResponse(new fetchAPI.Response(body as unknown as BodyInit, { status: response.status, headers: response.headers }));
      });
    },
  };

  const cacheHeaders: Plugin = {
    onResponse({ request, response }) {
      // GraphQL answers only: other paths (the console's files) set their own caching headers.
      if (pathOf(request.url) !== options.endpoint) return;
      const key = keyOfRequest.get(request);
      const cacheable = response.status === 304 || (response.status === 200 && (servedFromCache.has(request) || (key !== undefined && cache.entry(key) !== undefined)));
      // The library echoes If-None-Match as the ETag of a 304; for a list or a weak form, name the validator that matched.
      const matched = response.status === 304 ? cache.keptValidator(request.headers.get('if-none-match') ?? '') : undefined;
      if (matched !== undefined) response.headers.set('etag', matched);
      // The ETag is the validator; the library's Last-Modified (when the entry was made) would only make
      // equal answers differ by the clock.
      response.headers.delete('last-modified');
      if (!cacheable) {
        response.headers.delete('etag');
        response.headers.set('cache-control', 'no-store');
      } else {
        response.headers.set('cache-control', request.method === 'GET' ? REVALIDATE : 'no-cache');
      }
    },
  };

  return {
    plugins: [replay],
    executionPlugins: [library, cachedBytes, cacheHeaders],
    stats: () => ({ ...cache.stats(), replayed }),
    clear: () => cache.clear(),
  };
}
