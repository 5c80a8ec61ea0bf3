import type { EnrichmentReport } from './enrichment.js';
import type { ModelOutcome, OutcomeEffect } from './outcome-policy.js';
import type { RefreshFailure, RefreshTrigger } from './refresh-types.js';

/** One finished refresh attempt, accepted or not. */
export interface RefreshEvent {
  readonly trigger: RefreshTrigger;
  readonly forced: boolean;
  readonly outcome: { readonly kind: 'accepted' } | RefreshFailure;
  readonly durationMs: number;
}

/**
 * Hooks for whoever watches the catalogue service from outside the domain (the metrics). Every hook
 * is optional; an observer that throws is logged and never disturbs a refresh.
 */
export interface CatalogueObserver {
  refreshFinished?(event: RefreshEvent): void;
  /** After each health enrichment cycle; `report` is null when the cycle itself failed and static scores were kept. */
  enrichmentFinished?(report: EnrichmentReport | null, durationMs: number): void;
  /** After each outcome report accepted (for a config the catalogue serves). */
  outcomeReported?(outcome: ModelOutcome, effect: OutcomeEffect): void;
}
