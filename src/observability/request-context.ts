import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is being served right now. Set once per HTTP request by the access-log plugin and read by
 * the logger (every line logged while serving a request carries its id) and by the admin audit
 * (which needs the caller's address deep inside a resolver).
 */
export interface RequestContext {
  readonly requestId: string;
  /** The peer of the TCP connection (a load balancer's address when behind one). */
  remoteAddress?: string;
  /** The raw `X-Forwarded-For` header, when present: logged as given, never trusted for decisions. */
  forwardedFor?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts asynchronously) as part of the request `context`. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request being served by the current asynchronous call chain, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
