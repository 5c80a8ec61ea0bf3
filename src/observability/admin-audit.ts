import type { CatalogueApi, RefreshOptions, RefreshOutcome } from '../catalogue/refresh-types.js';
import type { Logger } from '../logger.js';
import { currentRequestContext } from './request-context.js';

export interface AdminAuditOptions {
  readonly logger: Logger;
  /** This replica's name (the Redis replica id, REPLICA_ID or the host name). */
  readonly replica: string;
  readonly now?: () => number;
}

/**
 * Wraps the catalogue the API serves so that every admin refresh leaves one line: who asked (this
 * replica, the caller's address and request id) and what came of it, including refreshes carried
 * out for us by the lease holder. Refused attempts (no or wrong token) never reach the catalogue;
 * the access-log plugin logs those.
 */
export function auditAdminRefreshes(catalogue: CatalogueApi, { logger, replica, now = Date.now }: AdminAuditOptions): CatalogueApi {
  return {
    current: () => catalogue.current(),
    lastRefresh: () => catalogue.lastRefresh(),
    changes: (last) => catalogue.changes(last),
    onVersion: (listener) => catalogue.onVersion(listener),
    standings: () => catalogue.standings(),
    reportOutcome: (configId, report) => catalogue.reportOutcome(configId, report),
    refresh: async (options: RefreshOptions): Promise<RefreshOutcome> => {
      if (options.trigger !== 'admin') return catalogue.refresh(options);
      const request = currentRequestContext();
      const who = { replica, remoteAddress: request?.remoteAddress ?? null, forwardedFor: request?.forwardedFor ?? null, force: options.force ?? false };
      const startedAt = now();
      try {
        const outcome = await catalogue.refresh(options);
        logger.info(`admin refresh: ${outcome.kind}`, { ...who, outcome: outcome.kind, ...outcomeDetails(outcome), durationMs: now() - startedAt });
        return outcome;
      } catch (error) {
        logger.error('admin refresh crashed', { ...who, error, durationMs: now() - startedAt });
        throw error;
      }
    },
  };
}

function outcomeDetails(outcome: RefreshOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'accepted':
      return { version: outcome.version.version, etag: outcome.version.etag, configs: outcome.version.configs.length };
    case 'rejected-by-guard':
      return { guard: outcome.guard, currentCount: outcome.currentCount, fetchedCount: outcome.fetchedCount };
    case 'upstream-unavailable':
      return { failureKind: outcome.failureKind, status: outcome.status, reason: outcome.message };
  }
}
