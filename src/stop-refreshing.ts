import type { Logger } from './logger.js';

export interface Stoppable {
  /** Aborts the refresh in flight and resolves once it settled. */
  stop(): Promise<void>;
}

export interface Destroyable {
  destroy(): Promise<void>;
}

/**
 * Stops the catalogue service within `budgetMs`, however its outbound requests behave. undici notices
 * an abort only once a connection attempt ends, so a request stuck in a slow DNS lookup, connect or
 * TLS handshake outlives it: halfway through the budget every outbound connection is cut, and at the
 * end of it shutdown goes on without the refresh. That is safe: an aborted refresh publishes and
 * writes nothing, and a write already under way is atomic (temporary file, then rename).
 * Resolves with whether the connections were cut (the dispatcher must then not be closed again).
 */
export async function stopRefreshing(service: Stoppable, dispatcher: Destroyable, { logger, budgetMs }: { logger: Logger; budgetMs: number }): Promise<{ cut: boolean }> {
  const stopped = service.stop();
  if (await settlesWithin(stopped, budgetMs / 2)) return { cut: false };
  logger.warn('the refresh in flight did not stop when aborted: cutting outbound connections');
  dispatcher.destroy().catch(() => {});
  if (!(await settlesWithin(stopped, budgetMs / 2))) logger.warn('the aborted refresh is still waiting on the network: shutting down without it (it writes nothing)');
  return { cut: true };
}

/** Whether `promise` settles within `ms` (it keeps running either way). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true, () => true), timeout]);
  clearTimeout(timer);
  return settled;
}
