import pLimit from 'p-limit';
import type { EndpointsFetchResult } from '../openrouter/endpoints-client.js';
import { UpstreamError } from '../openrouter/http.js';
import { blendQualityScore, withHealth } from './config-health.js';
import type { HealthBook } from './health-book.js';
import { aggregateHealth, unservableUptime, type ModelHealth } from './model-health.js';
import { isOpenRouterProvider, type CatalogueConfig } from './types.js';

/** How many premium and free models are health-checked per cycle (the rest keep static scores). */
export const ENRICH_TOP_N_PREMIUM = 50;
export const ENRICH_TOP_N_FREE = 30;
/** At most this many `/endpoints` requests in flight. */
export const ENRICH_CONCURRENCY = 15;
/** A cycle with at least this share of failed fetches is degraded: it trusts only the health book (last good values). */
export const ENRICH_DEGRADED_FAIL_RATIO = 0.25;

export type EndpointsFetcher = (modelId: string, signal?: AbortSignal) => Promise<EndpointsFetchResult>;

/** Runs one enrichment cycle over a list of configs, from a book of last-good health; never rejects for upstream failures. */
export type Enricher = (configs: readonly CatalogueConfig[], book: HealthBook, signal: AbortSignal) => Promise<EnrichmentResult>;

/** What one enrichment cycle did. */
export interface EnrichmentReport {
  readonly selected: number;
  readonly failures: number;
  readonly failRatio: number;
  readonly degraded: boolean;
  readonly gatedCount: number;
  readonly failuresByKind: Readonly<Record<string, number>>;
  /** Why the first failed fetch failed (a path and a rule, never upstream text unredacted), when any did. */
  readonly firstFailure?: string;
  readonly durationMs: number;
}

export interface EnrichmentResult {
  /** Every input config, in order; new frozen objects where anything changed. */
  readonly configs: CatalogueConfig[];
  /** The input book with this cycle's good checks recorded (the same book when the cycle is degraded). */
  readonly book: HealthBook;
  readonly report: EnrichmentReport;
}

function byStaticScoreDescending(configs: readonly CatalogueConfig[]): CatalogueConfig[] {
  // Array#sort is stable, so ties keep catalogue order, as Python's sorted() does.
  return [...configs].sort((a, b) => b.qualityScoreStatic - a.qualityScoreStatic);
}

/**
 * The configs a cycle checks: the top 50 premium and top 30 free OpenRouter-routed configs by static
 * score. Retired configs are left out: OpenRouter no longer lists them, so their checks would only fail
 * and take the places (and the failure budget) of listed models.
 */
export function selectForEnrichment(configs: readonly CatalogueConfig[]): CatalogueConfig[] {
  const routed = configs.filter((config) => isOpenRouterProvider(config) && config.lifecycle !== 'retired');
  const premium = byStaticScoreDescending(routed.filter((c) => c.billingTier === 'premium')).slice(0, ENRICH_TOP_N_PREMIUM);
  const free = byStaticScoreDescending(routed.filter((c) => c.billingTier === 'free')).slice(0, ENRICH_TOP_N_FREE);
  const seen = new Set<number>();
  return [...premium, ...free].filter((config) => !seen.has(config.id) && seen.add(config.id));
}

export interface EnrichmentOptions {
  readonly fetchEndpoints: EndpointsFetcher;
  /** Last good health by model, for the models whose check fails. */
  readonly book: HealthBook;
  readonly concurrency?: number;
  readonly nowMs?: () => number;
  readonly signal?: AbortSignal;
}

/**
 * One enrichment cycle (reference §5): fetch the selected models' endpoints, score their health,
 * fall back to the health book for failures (for all of them when the cycle is degraded), then
 * blend health into every OpenRouter-routed config's quality score. The input is never modified.
 */
export async function runEnrichmentCycle(configs: readonly CatalogueConfig[], options: EnrichmentOptions): Promise<EnrichmentResult> {
  const now = options.nowMs ?? Date.now;
  const started = now();
  const selected = selectForEnrichment(configs);
  const limit = pLimit(options.concurrency ?? ENRICH_CONCURRENCY);
  const results = await Promise.all(selected.map((config) => limit(async () => refuseUnservable(config.modelName, await options.fetchEndpoints(config.modelName, options.signal)))));
  const checkedAt = now();

  const failuresByKind: Record<string, number> = {};
  for (const result of results) if (!result.ok) failuresByKind[result.error.kind] = (failuresByKind[result.error.kind] ?? 0) + 1;
  const failures = results.filter((result) => !result.ok).length;
  const failRatio = results.length > 0 ? failures / results.length : 0;
  const degraded = failRatio >= ENRICH_DEGRADED_FAIL_RATIO;

  const checked = new Map<string, ModelHealth>();
  const updates = new Map<number, ModelHealth>();
  selected.forEach((config, index) => {
    const result = results[index]!;
    if (!degraded && result.ok) {
      const health = aggregateHealth(result.endpoints, checkedAt);
      checked.set(config.modelName, health);
      updates.set(config.id, health);
      return;
    }
    // A model listed twice (an operator config routed to an OpenRouter model) falls back to this cycle's good check.
    const lastGood = checked.get(config.modelName) ?? options.book.get(config.modelName);
    if (lastGood) updates.set(config.id, { ...lastGood, fromCache: true });
  });

  let gatedCount = 0;
  const enriched = configs.map((config) => {
    if (!isOpenRouterProvider(config)) return config;
    const update = updates.get(config.id);
    const next = update ? withHealth(config, update) : reblended(config);
    if (next.healthGated) gatedCount += 1;
    return next;
  });
  const firstFailure = results.find((result) => !result.ok)?.error.message;
  const report = { selected: selected.length, failures, failRatio, degraded, gatedCount, failuresByKind, durationMs: now() - started };
  return { configs: enriched, book: options.book.with(checked), report: firstFailure === undefined ? report : { ...report, firstFailure } };
}

/** An answer whose values cannot be served counts as a failed fetch ('bad-shape'), as a malformed one does. */
function refuseUnservable(modelName: string, result: EndpointsFetchResult): EndpointsFetchResult {
  const problem = result.ok ? unservableUptime(result.endpoints) : null;
  return problem === null ? result : { ok: false, error: new UpstreamError('bad-shape', `/endpoints of ${modelName}: ${problem}`) };
}

/** A config whose health did not change this cycle, with its quality score blended again from what it has. */
function reblended(config: CatalogueConfig): CatalogueConfig {
  const qualityScore = blendQualityScore(config.qualityScoreStatic, config.qualityScoreHealth, config.healthGated);
  return qualityScore === config.qualityScore ? config : Object.freeze({ ...config, qualityScore });
}
