import { buildCatalogue } from '../../src/catalogue/build.js';
import { diffVersions, type CatalogueDiff } from '../../src/catalogue/diff.js';
import { DEFAULT_OUTCOME_SETTINGS, type OutcomeReport } from '../../src/catalogue/outcome-policy.js';
import type { CatalogueApi, RefreshOptions, RefreshOutcome, RefreshReport, StandingsReader, VersionListener } from '../../src/catalogue/refresh-types.js';
import { StandingBook, type ReportedOutcome } from '../../src/catalogue/standings.js';
import type { ModelHealth } from '../../src/catalogue/model-health.js';
import type { CatalogueConfig } from '../../src/catalogue/types.js';
import { makeVersion, type CatalogueVersion } from '../../src/catalogue/version.js';
import { parseOperatorConfig } from '../../src/config/operator-config.js';
import { parseModelsBody } from '../../src/openrouter/models-payload.js';
import { readFixtureBytes } from './fixtures.js';

export const OPERATOR_YAML = `
global_llm_configs:
  - id: -1
    name: GPT-5.1 (Azure)
    provider: AZURE
    model_name: gpt-5.1
    api_key: YAML-KEY-MARKER-azure-0001
    billing_tier: premium
    seo_slug: gpt-5-1
    litellm_params: { input_cost_per_token: 0.00000125, output_cost_per_token: 0.00001, max_input_tokens: 272000 }
  - id: -2
    name: Llama Local
    provider: ollama_chat
    model_name: llama3.3
    router_pool_eligible: false
`;

/** A healthy snapshot for tests that need health on a config. */
export function healthy(score: number, checkedAt = 1_795_478_400_000): ModelHealth {
  return { gated: false, score, gateReason: null, bestUptimePct: 99.9, uptimeWindow: 'uptime_last_30m', freshnessPct: 99.8, freshnessWindow: 'uptime_last_5m', endpointCount: 3, okEndpointCount: 2, checkedAt, fromCache: false };
}

/** The 2026-06 snapshot plus two operator configs, with a few health states set. */
export function fixtureVersion(options: { apiKey?: string; version?: number } = {}): CatalogueVersion {
  const operator = parseOperatorConfig(OPERATOR_YAML, 'test.yaml', options.apiKey ? { apiKeyOverride: options.apiKey } : {});
  const built = buildCatalogue(operator, parseModelsBody(readFixtureBytes('openrouter', 'models-2026-06-16.json')), 1_795_478_400);
  const configs = built.configs.map((config, index): CatalogueConfig => {
    if (index === 2) return { ...config, health: healthy(99.5), qualityScoreHealth: 99.5, qualityScore: Math.round((99.5 + config.qualityScoreStatic) / 2) };
    if (index === 3) return { ...config, healthGated: true, health: { ...healthy(0), gated: true, score: null, gateReason: 'NO_OK_ENDPOINT', okEndpointCount: 0 } };
    return config;
  });
  return makeVersion({ version: options.version ?? 1, etag: `etag-${options.version ?? 1}`, origin: 'live', createdAt: 1_795_478_400_000, fetchedAt: 1_795_478_400_000, enrichedAt: null, configs });
}

/** An in-memory CatalogueApi whose refresh outcome a test chooses; counts refresh calls. Its standings read `clock.now`. */
export class FakeCatalogue implements CatalogueApi {
  refreshCalls = 0;
  readonly clock = { now: 1_795_478_400_000 };
  readonly book = new StandingBook(DEFAULT_OUTCOME_SETTINGS, () => this.clock.now);
  nextOutcome: (() => Promise<RefreshOutcome>) | null = null;
  private report: RefreshReport | null = null;
  private readonly log: CatalogueDiff[] = [];
  private readonly listeners = new Set<VersionListener>();

  constructor(public version: CatalogueVersion | null = fixtureVersion()) {}

  current(): CatalogueVersion | null {
    return this.version;
  }
  lastRefresh(): RefreshReport | null {
    return this.report;
  }
  changes(last: number): readonly CatalogueDiff[] {
    return this.log.slice(-last).reverse();
  }
  onVersion(listener: VersionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  standings(): StandingsReader {
    return this.book;
  }
  reportOutcome(configId: number, report: OutcomeReport): ReportedOutcome {
    return this.book.report(this.version, configId, report);
  }
  /** Swaps in a version as an accepted refresh would, telling listeners with `report`. */
  publish(next: CatalogueVersion, report: RefreshReport | null = null): CatalogueDiff {
    const diff = diffVersions(this.version, next, next.createdAt);
    this.version = next;
    if (report) this.report = report;
    this.log.push(diff);
    for (const listener of this.listeners) listener(next, report);
    return diff;
  }
  async refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    this.refreshCalls += 1;
    const report = (kind: RefreshOutcome['kind'], message: string): RefreshReport => ({ trigger: options.trigger, forced: options.force ?? false, startedAt: 0, finishedAt: 1, outcome: kind, message, malformedCount: 0, nextAttemptAt: null });
    if (this.nextOutcome) {
      const outcome = await this.nextOutcome();
      this.report = outcome.kind === 'accepted' ? outcome.report : report(outcome.kind, outcome.message);
      return outcome;
    }
    const accepted = report('accepted', 'accepted');
    const diff = this.publish(fixtureVersion({ version: (this.version?.version ?? 0) + 1 }), accepted);
    return { kind: 'accepted', version: this.version!, diff, report: accepted };
  }
}
