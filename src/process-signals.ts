import type { Logger } from './logger.js';

export interface ShutdownSignalOptions {
  readonly logger: Logger;
  /** Runs once, on the first SIGTERM or SIGINT; it ends the process itself. */
  readonly shutdown: (signal: NodeJS.Signals) => Promise<void>;
  /**
   * The same signal again within this time is the first one delivered twice, not a second request.
   * Ctrl-C in a terminal signals the whole foreground group (npm and node), and npm forwards its
   * copy to node, so node sees two SIGINTs a few milliseconds apart.
   */
  readonly duplicateWindowMs?: number;
}

export const DUPLICATE_SIGNAL_WINDOW_MS = 300;

/**
 * SIGTERM and SIGINT start a graceful shutdown; a second signal (another one, or the same one sent
 * again after the duplicate window) forces the exit at once with status 1.
 */
export function handleShutdownSignals({ logger, shutdown, duplicateWindowMs = DUPLICATE_SIGNAL_WINDOW_MS }: ShutdownSignalOptions): void {
  let first: { readonly signal: NodeJS.Signals; readonly at: number } | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    const at = performance.now();
    if (first === null) {
      first = { signal, at };
      shutdown(signal).catch((error: unknown) => {
        logger.error('shutdown failed: exiting', { error });
        process.exit(1);
      });
      return;
    }
    if (signal === first.signal && at - first.at < duplicateWindowMs) {
      logger.debug(`${signal} delivered twice (process group and launcher): already shutting down`);
      return;
    }
    logger.warn(`second ${signal}: exiting now`);
    process.exit(1);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
