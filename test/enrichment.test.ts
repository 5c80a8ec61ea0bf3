import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { buildCatalogue } from '../src/catalogue/build.js';
import { runEnrichmentCycle, selectForEnrichment, type EndpointsFetcher } from '../src/catalogue/enrichment.js';
import { HealthBook } from '../src/catalogue/health-book.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { endpointsPath, fetchModelEndpoints } from '../src/openrouter/endpoints-client.js';
import { parseModelsBody } from '../src/openrouter/models-payload.js';
import { readFixtureBytes, readFixtureJson } from './support/fixtures.js';
import { FakeUpstream } from './support/upstream.js';

interface CycleVector {
  cycle: number;
  fail_pct: number;
  plan: Record<string, string>;
  configs: { id: number; model_name: string; billing_tier: string; quality_score: number; quality_score_health: number | null; quality_score_static: number; health_gated: boolean }[];
}
const vector = readFixtureJson<{ now: number; cycles: CycleVector[] }>('conformance', 'enrichment-2026-06-16.json');

function defaultCatalogue(): CatalogueConfig[] {
  return [...buildCatalogue(parseOperatorConfig('', 'defaults'), parseModelsBody(readFixtureBytes('openrouter', 'models-2026-06-16.json')), vector.now).configs];
}

/** A real upstream whose /endpoints answers follow the current cycle's plan ("error" → HTTP 500). */
class PlannedUpstream extends FakeUpstream {
  plan: Record<string, string> = {};
  constructor(modelIds: readonly string[]) {
    super();
    for (const modelId of modelIds) {
      this.route(`/${decodeURIComponent(endpointsPath(modelId))}`, (_req, res) => {
        const answer = this.plan[modelId];
        if (answer === undefined || answer === 'error') {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":{"message":"planned failure"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(readFixtureBytes('openrouter', 'endpoints', answer));
      });
    }
  }
}

describe('enrichment cycles reproduce the original exactly', () => {
  const configs0 = defaultCatalogue();
  const upstream = new PlannedUpstream(configs0.map((c) => c.modelName));
  const dispatcher = new Agent();
  const fetchEndpoints: EndpointsFetcher = (modelId, signal) => fetchModelEndpoints(modelId, { dispatcher, baseUrl: upstream.baseUrl, ...(signal ? { signal } : {}) });
  beforeAll(() => upstream.start());
  afterAll(async () => {
    await dispatcher.close();
    await upstream.stop();
  });

  it('starts from the same configs as the vector', () => {
    expect(configs0.map((c) => [c.id, c.modelName, c.qualityScoreStatic])).toEqual(vector.cycles[0]!.configs.map((c) => [c.id, c.model_name, c.quality_score_static]));
  });

  it('runs the four cycles in order, each on the book the previous one left, fetching only selected models once each', async () => {
    let book = HealthBook.EMPTY;
    let configs = configs0;
    const selected = selectForEnrichment(configs0).map((c) => c.modelName);
    // 50 premium and every one of the 17 free models (fewer than the top-30 allowance).
    expect(selected).toHaveLength(67);
    for (const cycle of vector.cycles) {
      upstream.plan = cycle.plan;
      upstream.requests.length = 0;
      const { configs: next, book: nextBook, report } = await runEnrichmentCycle(configs, { fetchEndpoints, book });
      expect(report.degraded, `cycle ${cycle.cycle}`).toBe(cycle.fail_pct >= 25);
      const fetched = upstream.requests.map((r) => r.path).sort();
      expect(fetched, `cycle ${cycle.cycle} fetched`).toEqual(selected.map((id) => `/${decodeURIComponent(endpointsPath(id))}`).sort());
      const actual = next.map((c) => ({ id: c.id, model_name: c.modelName, quality_score_health: c.qualityScoreHealth, quality_score: c.qualityScore, health_gated: c.healthGated }));
      const expected = cycle.configs.map((c) => ({ id: c.id, model_name: c.model_name, quality_score_health: c.quality_score_health, quality_score: c.quality_score, health_gated: c.health_gated }));
      expect(actual, `cycle ${cycle.cycle}`).toEqual(expected);
      configs = next;
      book = nextBook;
    }
    expect(configs0.every((c) => c.health === null)).toBe(true); // inputs untouched
  });
});

describe('enrichment failure handling', () => {
  const base = defaultCatalogue();
  const selected = selectForEnrichment(base);
  const healthy = readFixtureJson<{ data: { endpoints: unknown[] } }>('openrouter', 'endpoints', 'openai__gpt-4o.json').data.endpoints;
  const ok = async () => ({ ok: true as const, endpoints: healthy });

  it('a single failure falls back to that model’s last-good values, marked fromCache', async () => {
    const first = await runEnrichmentCycle(base, { fetchEndpoints: ok, book: HealthBook.EMPTY });
    const victim = selected[0]!.modelName;
    const { UpstreamError } = await import('../src/openrouter/http.js');
    const second = await runEnrichmentCycle(first.configs, {
      book: first.book,
      fetchEndpoints: async (modelId) => (modelId === victim ? { ok: false, error: new UpstreamError('http-status', 'HTTP 502', 502) } : ok()),
    });
    expect(second.report).toMatchObject({ failures: 1, degraded: false, failuresByKind: { 'http-status': 1 } });
    const config = second.configs.find((c) => c.modelName === victim)!;
    expect(config.health).toMatchObject({ fromCache: true, gated: false });
    expect(config.qualityScoreHealth).toBe(first.configs.find((c) => c.modelName === victim)!.qualityScoreHealth);
  });

  it('a cycle is degraded at a failure ratio of 0.25 and above: cache for everyone, nothing new cached', async () => {
    const { UpstreamError } = await import('../src/openrouter/http.js');
    const failing = (count: number): EndpointsFetcher => {
      const victims = new Set(selected.slice(0, count).map((c) => c.modelName));
      return async (modelId) => (victims.has(modelId) ? { ok: false, error: new UpstreamError('timeout', 'slow') } : ok());
    };
    // 16 of 67 (0.239) is not degraded; 17 of 67 (0.254) is.
    const below = await runEnrichmentCycle(base, { book: HealthBook.EMPTY, fetchEndpoints: failing(16) });
    expect(below.report).toMatchObject({ failures: 16, degraded: false });
    const warm = await runEnrichmentCycle(base, { book: HealthBook.EMPTY, fetchEndpoints: ok });
    expect(warm.book.size).toBe(selected.length);
    const degraded = await runEnrichmentCycle(warm.configs, { book: warm.book, fetchEndpoints: failing(17), nowMs: () => 42 });
    expect(degraded.report).toMatchObject({ failures: 17, degraded: true });
    expect(degraded.book).toBe(warm.book);
    // Successful fetches of a degraded cycle are not trusted either: everyone takes the cached values.
    for (const config of degraded.configs.filter((c) => c.health !== null)) expect(config.health!.fromCache).toBe(true);
    expect(degraded.configs.map((c) => c.qualityScore)).toEqual(warm.configs.map((c) => c.qualityScore));
    const cold = await runEnrichmentCycle(base, { book: HealthBook.EMPTY, fetchEndpoints: failing(17) });
    expect(cold.configs).toEqual(base);
  });

  it('a slow endpoint times out at 5 s without holding up the others', async () => {
    const upstream = new FakeUpstream();
    const slowId = selected[0]!.modelName;
    const answeredAt = new Map<string, number>();
    for (const config of selected) {
      upstream.route(`/${decodeURIComponent(endpointsPath(config.modelName))}`, (_req, res) => {
        const send = () => {
          answeredAt.set(config.modelName, Date.now());
          res.end(JSON.stringify({ data: { endpoints: healthy } }));
        };
        if (config.modelName === slowId) setTimeout(send, 7_000).unref();
        else send();
      });
    }
    await upstream.start();
    const dispatcher = new Agent();
    try {
      const started = Date.now();
      const result = await runEnrichmentCycle(base, { book: HealthBook.EMPTY, fetchEndpoints: (id) => fetchModelEndpoints(id, { dispatcher, baseUrl: upstream.baseUrl }) });
      const elapsed = Date.now() - started;
      expect(result.report).toMatchObject({ failures: 1, failuresByKind: { timeout: 1 }, degraded: false });
      expect(elapsed).toBeGreaterThanOrEqual(4_900);
      expect(elapsed).toBeLessThan(6_500);
      const others = [...answeredAt.entries()].filter(([id]) => id !== slowId).map(([, at]) => at - started);
      expect(others).toHaveLength(selected.length - 1);
      // The others go through the 14 free slots while the slow one holds the 15th.
      expect(Math.max(...others)).toBeLessThan(2_000);
    } finally {
      await dispatcher.close();
      await upstream.stop();
    }
  });
});

describe('operator configs routed through OpenRouter', () => {
  it('take part in enrichment and get gated like generated ones; other operator configs are untouched', async () => {
    const operator = parseOperatorConfig(
      'global_llm_configs:\n  - id: -1\n    name: Pinned\n    provider: OPENROUTER\n    model_name: acme/pinned-model\n    billing_tier: premium\n    litellm_params: { input_cost_per_token: 0.00001, output_cost_per_token: 0.00003, max_input_tokens: 1000000 }\n  - id: -2\n    name: Azure\n    provider: AZURE\n    model_name: gpt-5\n',
      'test.yaml',
    );
    // A small OpenRouter list, so the pinned config is within the top 50 premium whatever its score.
    const payload = parseModelsBody(readFixtureBytes('openrouter', 'models-2026-06-16.json'));
    const configs = buildCatalogue(operator, { models: payload.models.slice(0, 40), dropped: [] }, vector.now).configs;
    const asked: string[] = [];
    const { configs: enriched } = await runEnrichmentCycle(configs, {
      book: HealthBook.EMPTY,
      fetchEndpoints: async (modelId) => {
        asked.push(modelId);
        return { ok: true, endpoints: modelId === 'acme/pinned-model' ? [] : readFixtureJson<{ data: { endpoints: unknown[] } }>('openrouter', 'endpoints', 'openai__gpt-4o.json').data.endpoints };
      },
    });
    expect(configs[0]!.qualityScoreStatic).toBe(25 + 20 + 15 + 10); // openrouter, operator bonus, price band, context
    expect(asked).toContain('acme/pinned-model');
    expect(asked).not.toContain('gpt-5');
    expect(enriched[0]).toMatchObject({ id: -1, healthGated: true, health: { gateReason: 'NO_ENDPOINTS' } });
    expect(enriched[1]).toBe(configs[1]);
  });
});
