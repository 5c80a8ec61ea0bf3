import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OperationInfo } from './operation-info.js';

/**
 * The request being served, held for the whole handling of one HTTP request (every hook, resolver
 * and log line it leads to). The observability plugins keep their per-request state here rather
 * than keyed by the Request object: other plugins may replace that object on the way (a body
 * handed over, a request rebuilt).
 */
export interface RequestContext {
  readonly requestId: string;
  /** `performance.now()` when the request came in. */
  readonly startedAt: number;
  /** The peer of the TCP connection, or the client address the host works out (trusted proxies). */
  remoteAddress?: string;
  /** The raw `X-Forwarded-For` header, when present: logged as given, never trusted for decisions. */
  forwardedFor?: string;
  /** The GraphQL operation, once the request's parameters are known. */
  operation?: OperationInfo;
}

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's request id is kept when it looks like one (a UUID, a trace id); anything else is replaced. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts asynchronously) as part of the request `context`. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request being served by the current asynchronous call chain, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Runs the handling of `request` in a request context: the one already open (when another of these
 * plugins opened it) or a new one, with the caller's `X-Request-Id` when acceptable, else a UUID.
 */
export function withRequestContext<T>(request: Request, handle: () => T): T {
  if (storage.getStore()) return handle();
  const given = request.headers.get(REQUEST_ID_HEADER);
  return storage.run({ requestId: given !== null && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID(), startedAt: performance.now() }, handle);
}
