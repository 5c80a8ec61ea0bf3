import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { clientAddress, IN_PROCESS, type NodeServerContext } from './client-address.js';

/**
 * Fair use of one process by many clients:
 *
 * - Each client address has a budget of points per second (rate-limiter-flexible, in memory). Every
 *   request spends one point when it arrives; an operation that executes spends one more per
 *   `COST_PER_POINT` of its query cost once the cost is known. A client out of points gets `429` with
 *   `Retry-After` before its body is even read, so abusive traffic costs the server almost nothing.
 *   Answers from the response cache cost a point like any request: they are cheap, but not free.
 * - At most `maxConcurrentExecutions` operations execute at once in the process; more get `503` with
 *   `Retry-After` at once rather than queueing behind each other.
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
}

/** Defaults: ~a selector page load every 0.2 s per address, uncached; far more when cached. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { pointsPerSecond: 200, maxConcurrentExecutions: 32, trustedProxyHops: 0, adminAttemptsPerMinute: 10 };

export interface ClientLimitOptions {
  /** Points each client address may spend per second; 0 turns the per-client limit off. */
  readonly pointsPerSecond: number;
  /** Operations executing at once in the whole process. */
  readonly maxConcurrentExecutions: number;
  /** Proxies in front of the server whose `X-Forwarded-For` entries are trusted. */
  readonly trustedProxyHops: number;
  readonly logger: Logger;
}

/** Query cost bought by one point: the selector query (cost ~4,250) spends ~43 points. */
export const COST_PER_POINT = 100;

const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);

export interface ClientLimits {
  readonly plugin: Plugin;
  /** Charges a client for the cost of an operation it is executing. */
  charge(client: string, cost: number): void;
}

function errorResponse(fetchAPI: { Response: typeof Response }, status: number, message: string, code: string, retryAfterSeconds: number): Response {
  const error = createGraphQLError(message, { extensions: { code } });
  return new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' },
  });
}

export function createClientLimits(options: ClientLimitOptions): ClientLimits {
  const { logger } = options;
  const limiter = options.pointsPerSecond > 0 ? new RateLimiterMemory({ points: options.pointsPerSecond, duration: 1 }) : null;
  // One warning per client per minute while it is being limited, not one per refused request.
  const warned = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  const executing = new WeakSet<Request>();
  let active = 0;

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
          logger.warn('client over its request budget: answering 429', { client, pointsPerSecond: options.pointsPerSecond });
        }
        endResponse(errorResponse(fetchAPI, 429, `Too many requests from this client: retry in ${retryAfterSeconds} s.`, 'RATE_LIMITED', retryAfterSeconds));
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
    onResponse({ request }) {
      // Counted until the response is ready, so results being serialised count as running.
      if (executing.delete(request)) active -= 1;
    },
  };

  return {
    plugin: plugin as Plugin,
    charge(client, cost) {
      if (limiter === null || client === IN_PROCESS) return;
      const points = Math.floor(cost / COST_PER_POINT);
      if (points > 0) void limiter.penalty(client, points);
    },
  };
}
