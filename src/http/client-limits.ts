import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import { graphqlErrorResponse } from './error-response.js';
import type { Logger } from '../logger.js';
import { clientAddress, IN_PROCESS, type NodeServerContext } from './client-address.js';

/**
 * Fair use of one process by many clients:
 *
 * - Each client address has a budget of points per window of `windowSeconds` (rate-limiter-flexible,
 *   in memory). A point is about 0.1 ms of the server's time: every request spends one when it
 *   arrives (an answer from the response cache costs no more); a document the server has not seen
 *   spends one per `DOCUMENT_CHARS_PER_POINT` characters (lexing, parsing, validating and compiling
 *   it); an operation that executes spends one per `COST_PER_POINT` of its query cost. Costs known
 *   only later are charged then, so a client can go into debt for the rest of the window. A client
 *   out of points gets `429` with `Retry-After` before its body is even read, after a pause of up to
 *   half a second, so abusive traffic costs the server almost nothing.
 * - At most `maxConcurrentExecutions` operations execute at once in the process; more get `503` with
 *   `Retry-After` at once rather than queueing behind each other.
 * - Subscriptions are long-lived: each address may hold `maxSubscriptionsPerClient` open, the process
 *   `maxSubscriptions`; one more is answered with a `TOO_MANY_SUBSCRIPTIONS` error and no stream.
 *
 * Liveness and readiness probes are never limited.
 */

export interface HttpLimits {
  /** Points per second per client address (`RATE_LIMIT_POINTS_PER_SECOND`); 0 = off. */
  readonly pointsPerSecond: number;
  /** Operations executing at once (`MAX_CONCURRENT_EXECUTIONS`). */
  readonly maxConcurrentExecutions: number;
  /** Trusted proxies in front (`TRUST_PROXY_HOPS`). */
  readonly trustedProxyHops: number;
  /** Refused admin attempts per client address per minute before it is throttled. */
  readonly adminAttemptsPerMinute: number;
  /** Length of a budget window in seconds: a debt from one expensive request lasts until it ends. */
  readonly windowSeconds: number;
  /** Subscriptions (SSE streams) one client address may hold open at once. */
  readonly maxSubscriptionsPerClient: number;
  /** Subscriptions open at once in the whole process. */
  readonly maxSubscriptions: number;
}

/**
 * Defaults: 20 points per second per address, i.e. 200 per 10 s window: 200 cached selector answers,
 * or 4 selector queries with new variables, or one of the largest queries allowed. Sized so that 8
 * abusive addresses keep the selector's p99 within 3x (bench/abuse.bench.ts); raise it for many users
 * behind one address (or set TRUST_PROXY_HOPS behind a proxy).
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { pointsPerSecond: 20, maxConcurrentExecutions: 32, trustedProxyHops: 0, adminAttemptsPerMinute: 10, windowSeconds: 10, maxSubscriptionsPerClient: 10, maxSubscriptions: 1000 };

/** The limits this module enforces (refused admin attempts are the credential gate's), with where to log. */
export type ClientLimitOptions = Omit<HttpLimits, 'adminAttemptsPerMinute'> & { readonly logger: Logger };

/** Query cost bought by one point: the selector query (cost ~3,750) spends 37 points. */
export const COST_PER_POINT = 100;
/**
 * Characters of a new document bought by one point. Lexing, parsing, validating and compiling a document
 * the server has not seen costs ~1.9 ms for the ~300 characters of the selector query (bench), so ~15 points.
 */
export const DOCUMENT_CHARS_PER_POINT = 20;

const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);
/** How long a refused request waits before its 429, and how many may wait at once. */
const TARPIT_MS = 500;
const MAX_TARPITTED = 1000;

export interface ClientLimits {
  readonly plugin: Plugin;
  /** Charges a client for the cost of an operation it is executing. */
  chargeCost(client: string, cost: number): void;
  /** Charges a client for a document the server had to parse, validate and compile. */
  chargeNewDocument(client: string, documentLength: number): void;
}

export function createClientLimits(options: ClientLimitOptions): ClientLimits {
  const { logger } = options;
  const limiter = options.pointsPerSecond > 0 ? new RateLimiterMemory({ points: options.pointsPerSecond * options.windowSeconds, duration: options.windowSeconds }) : null;
  const charge = (client: string, points: number): void => {
    if (limiter !== null && client !== IN_PROCESS && points > 0) void limiter.penalty(client, points);
  };
  // One warning per client per minute while it is being limited, not one per refused request.
  const warned = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  const executing = new WeakSet<Request>();
  let active = 0;
  let tarpitted = 0;
  const streamsByClient = new Map<string, number>();
  let streams = 0;

  const plugin: Plugin<{ clientAddress?: string }, NodeServerContext> = {
    async onRequest({ request, serverContext, url, fetchAPI, endResponse }) {
      if (limiter === null || request.method === 'OPTIONS' || UNLIMITED_PATHS.has(url.pathname)) return;
      const client = clientAddress(serverContext, request, options.trustedProxyHops);
      // In-process calls (yoga.fetch, no socket) come from the host itself, not from a client.
      if (client === IN_PROCESS) return;
      try {
        await limiter.consume(client, 1);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        if (!warned.has(client)) {
          warned.set(client, true);
          logger.warn('client over its request budget: answering 429', { client, pointsPerWindow: options.pointsPerSecond * options.windowSeconds, windowSeconds: options.windowSeconds });
        }
        // Answered after a pause (never past the Retry-After it announces): a client that retries the moment
        // it is refused would otherwise keep the server busy answering 429s. The pauses are bounded in number.
        if (tarpitted < MAX_TARPITTED) {
          tarpitted += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(TARPIT_MS, rejection.msBeforeNext)));
          tarpitted -= 1;
        }
        endResponse(graphqlErrorResponse(fetchAPI, 429, `Too many requests from this client: retry in ${retryAfterSeconds} s.`, 'RATE_LIMITED', { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' }));
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (active >= options.maxConcurrentExecutions) {
        logger.warn('server busy: operation refused', { executing: active });
        setResultAndStopExecution({
          errors: [createGraphQLError('Server busy: too many operations are running; retry shortly.', { extensions: { code: 'SERVER_BUSY', http: { status: 503, headers: { 'retry-after': '1' } } } })],
        });
        return;
      }
      if (request && !executing.has(request)) {
        executing.add(request);
        active += 1;
      }
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const client = (args.contextValue as { clientAddress?: string }).clientAddress ?? IN_PROCESS;
      const held = streamsByClient.get(client) ?? 0;
      if (held >= options.maxSubscriptionsPerClient || streams >= options.maxSubscriptions) {
        logger.warn('subscription refused: too many open', { client, held, open: streams });
        const limit = held >= options.maxSubscriptionsPerClient ? `${options.maxSubscriptionsPerClient} per client` : `${options.maxSubscriptions} on this server`;
        setResultAndStopExecution({ errors: [createGraphQLError(`Too many open subscriptions (at most ${limit}): close one first.`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', http: { status: 429 } } })] });
        return;
      }
      streamsByClient.set(client, held + 1);
      streams += 1;
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        streams -= 1;
        const left = (streamsByClient.get(client) ?? 1) - 1;
        if (left > 0) streamsByClient.set(client, left);
        else streamsByClient.delete(client);
      };
      return {
        // A subscription that failed to start answers once, with no stream to end later.
        onSubscribeResult: ({ result }) => {
          if (!isAsyncIterable(result)) {
            release();
            return undefined;
          }
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
    onResponse({ request }) {
      // Counted until the response is ready, so results being serialised count as running.
      if (executing.delete(request)) active -= 1;
    },
  };

  return {
    plugin: plugin as Plugin,
    chargeCost: (client, cost) => charge(client, Math.floor(cost / COST_PER_POINT)),
    chargeNewDocument: (client, length) => charge(client, Math.ceil(length / DOCUMENT_CHARS_PER_POINT)),
  };
}
