import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EnrichmentReport } from '../catalogue/enrichment.js';
import type { CatalogueObserver, RefreshEvent } from '../catalogue/observer.js';
import type { ModelOutcome } from '../catalogue/outcome-policy.js';
import type { StandingsReader } from '../catalogue/refresh-types.js';
import type { CatalogueVersion } from '../catalogue/version.js';
import type { ReplicationMode } from '../replication/redis-replication.js';

/**
 * The process's Prometheus metrics (prom-client). The domain knows nothing of them: counters are
 * fed by the catalogue service's observer hook, and gauges are read from the served catalogue and
 * the replication state at scrape time, so they can never drift from what is served.
 */

export const METRIC_PREFIX = 'llm_catalogue_';

export interface MetricsOptions {
  /** Node's process metrics (CPU, memory, event loop lag, GC, handles). On by default. */
  readonly processMetrics?: boolean;
  readonly now?: () => number;
}

/** What the scrape-time gauges read. */
export interface CatalogueSource {
  current(): CatalogueVersion | null;
  standings(): Pick<StandingsReader, 'counts'>;
}

export interface ReplicationSource {
  replicationMode(): ReplicationMode;
  isRedisConnected(): boolean;
}

export interface Metrics {
  readonly registry: Registry;
  /** Give to the CatalogueService: counts refreshes, guard rejections and enrichment cycles. */
  readonly catalogueObserver: CatalogueObserver;
  /** Reads the served catalogue (and the replication state, with Redis) at every scrape. */
  watchCatalogue(catalogue: CatalogueSource, replication?: ReplicationSource | null): void;
}

const REPLICATION_MODES: readonly ReplicationMode[] = ['leader', 'follower', 'standalone'];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const now = options.now ?? Date.now;
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const refreshes = new Counter({ name: `${METRIC_PREFIX}refreshes_total`, help: 'Catalogue refresh attempts by trigger (startup, timer, retry, admin) and outcome.', labelNames: ['trigger', 'outcome'], registers });
  const refreshDuration = new Histogram({
    name: `${METRIC_PREFIX}refresh_duration_seconds`,
    help: 'Duration of catalogue refresh attempts (fetch, guards, enrichment, persistence), by outcome.',
    labelNames: ['outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const refreshFailures = new Counter({ name: `${METRIC_PREFIX}refresh_failures_total`, help: 'Refreshes that could not use OpenRouter, by failure kind (timeout, transport, http-status, …).', labelNames: ['kind'], registers });
  const guardRejections = new Counter({ name: `${METRIC_PREFIX}guard_rejections_total`, help: 'Fetched model lists refused by a guard (EMPTY, SHRUNK, MALFORMED).', labelNames: ['guard'], registers });
  const enrichmentDuration = new Histogram({
    name: `${METRIC_PREFIX}enrichment_duration_seconds`,
    help: 'Duration of health enrichment cycles (the /endpoints fetches and scoring).',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const enrichmentCycles = new Counter({ name: `${METRIC_PREFIX}enrichment_cycles_total`, help: 'Health enrichment cycles by result: ok, degraded (too many failed fetches; last-good health kept) or failed.', labelNames: ['result'], registers });
  const enrichmentFailures = new Counter({
    name: `${METRIC_PREFIX}enrichment_failures_total`,
    help: 'Failed /endpoints fetches during enrichment by kind; kind="cycle" counts cycles that failed as a whole.',
    labelNames: ['kind'],
    registers,
  });

  const outcomeReports = new Counter({
    name: `${METRIC_PREFIX}model_outcome_reports_total`,
    help: 'Outcome reports the chat backend made (reportModelOutcome) and this replica accepted, by outcome (ok, rate-limited, unavailable, not-found, bad-request).',
    labelNames: ['outcome'],
    registers,
  });

  const catalogueObserver: CatalogueObserver = {
    outcomeReported(outcome: ModelOutcome) {
      outcomeReports.inc({ outcome });
    },
    refreshFinished({ trigger, outcome, durationMs }: RefreshEvent) {
      refreshes.inc({ trigger, outcome: outcome.kind });
      refreshDuration.observe({ outcome: outcome.kind }, durationMs / 1000);
      if (outcome.kind === 'rejected-by-guard') guardRejections.inc({ guard: outcome.guard });
      if (outcome.kind === 'upstream-unavailable') refreshFailures.inc({ kind: outcome.failureKind });
    },
    enrichmentFinished(report: EnrichmentReport | null, durationMs: number) {
      enrichmentDuration.observe(durationMs / 1000);
      if (report === null) {
        enrichmentCycles.inc({ result: 'failed' });
        enrichmentFailures.inc({ kind: 'cycle' });
        return;
      }
      enrichmentCycles.inc({ result: report.degraded ? 'degraded' : 'ok' });
      for (const [kind, count] of Object.entries(report.failuresByKind)) enrichmentFailures.inc({ kind }, count);
    },
  };

  // Label sets that exist before the first refresh, so dashboards and rate() see zeros, not gaps.
  for (const guard of ['EMPTY', 'SHRUNK', 'MALFORMED']) guardRejections.inc({ guard }, 0);
  for (const result of ['ok', 'degraded', 'failed']) enrichmentCycles.inc({ result }, 0);
  for (const outcome of ['ok', 'rate-limited', 'unavailable', 'not-found', 'bad-request'] satisfies ModelOutcome[]) outcomeReports.inc({ outcome }, 0);

  const watchCatalogue = (catalogue: CatalogueSource, replication: ReplicationSource | null = null): void => {
    new Gauge({
      name: `${METRIC_PREFIX}configs`,
      help: 'Configs in the served catalogue by billing tier and whether live health gates them.',
      labelNames: ['tier', 'gated'],
      registers,
      collect() {
        this.reset();
        for (const tier of ['free', 'premium']) for (const gated of ['true', 'false']) this.set({ tier, gated }, 0);
        for (const config of catalogue.current()?.configs ?? []) this.inc({ tier: config.billingTier, gated: String(config.healthGated) });
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}configs_cooling_down`,
      help: 'Configs of the served catalogue cooling down after RATE_LIMITED or UNAVAILABLE reports (Auto skips them), as this replica sees them now.',
      registers,
      collect() {
        this.set(catalogue.standings().counts(catalogue.current()).coolingDown);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}configs_blocked`,
      help: 'Configs of the served catalogue blocked after repeated NOT_FOUND or BAD_REQUEST reports (until an accepted refresh lists them again).',
      registers,
      collect() {
        this.set(catalogue.standings().counts(catalogue.current()).blocked);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}version`,
      help: 'Number of the catalogue version being served (increases with each version this process serves; 0 before any).',
      registers,
      collect() {
        this.set(catalogue.current()?.version ?? 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}info`,
      help: 'Always 1, labelled with where the served catalogue came from and its etag.',
      labelNames: ['origin', 'etag'],
      registers,
      collect() {
        this.reset();
        const version = catalogue.current();
        if (version) this.set({ origin: version.origin, etag: version.etag }, 1);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}age_seconds`,
      help: "Seconds since the served catalogue's OpenRouter model list was fetched (absent while serving a list never fetched live, e.g. the bundled snapshot).",
      registers,
      collect() {
        this.reset();
        const fetchedAt = catalogue.current()?.fetchedAt ?? null;
        if (fetchedAt !== null) this.set(Math.max(0, (now() - fetchedAt) / 1000));
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}refresher_lease_held`,
      help: '1 when this replica holds the refresher lease in Redis (it alone fetches OpenRouter), else 0.',
      registers,
      collect() {
        this.set(replication?.replicationMode() === 'leader' ? 1 : 0);
      },
    });
    if (replication === null) return;
    new Gauge({
      name: `${METRIC_PREFIX}replication_mode`,
      help: 'How this replica takes part: leader (holds the lease), follower, or standalone (Redis unreachable).',
      labelNames: ['mode'],
      registers,
      collect() {
        const mode = replication.replicationMode();
        for (const candidate of REPLICATION_MODES) this.set({ mode: candidate }, candidate === mode ? 1 : 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}redis_connected`,
      help: 'Whether the Redis connection is up (1) or not (0).',
      registers,
      collect() {
        this.set(replication.isRedisConnected() ? 1 : 0);
      },
    });
  };

  return { registry, catalogueObserver, watchCatalogue };
}
