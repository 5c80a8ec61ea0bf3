import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureBytes } from '../support/fixtures.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

/**
 * Issue 12.2: one upstream number the API cannot represent (Int is 32-bit signed, Float is finite)
 * must never reach a response. Proven against the real server process and a local upstream.
 */

const INT_MAX = 2 ** 31 - 1;
type Model = Record<string, unknown> & { id: string; pricing?: Record<string, unknown> };

const models = (JSON.parse(readFixtureBytes('openrouter', 'models-2026-06-16.json').toString('utf8')) as { data: Model[] }).data;
const byId = (id: string) => models.find((model) => model.id === id)!;

/** Each poisoned model: what is wrong with it, and whether it is dropped (malformed) or served with the value nulled. */
const POISON: { id: string; change: (model: Model) => Model; served: boolean }[] = [
  { id: 'z-ai/glm-5.2', change: (m) => ({ ...m, context_length: 3e9 }), served: false },
  { id: 'moonshotai/kimi-k2.7-code', change: (m) => ({ ...m, context_length: 1e308 }), served: false },
  { id: 'anthropic/claude-fable-5', change: (m) => ({ ...m, context_length: 150000.5 }), served: false },
  { id: 'qwen/qwen3.7-plus', change: (m) => ({ ...m, context_length: -200000 }), served: false },
  { id: 'minimax/minimax-m3', change: (m) => ({ ...m, pricing: { ...m.pricing, prompt: 1e308 } }), served: true },
  { id: 'stepfun/step-3.7-flash', change: (m) => ({ ...m, pricing: { ...m.pricing, completion: '1e400' } }), served: true },
  { id: 'anthropic/claude-opus-4.8', change: (m) => ({ ...m, created: 1e308 }), served: true },
];
/** Copies of a kept model under ids that cannot be served faithfully. */
const BAD_IDS = ['acme/new\nline', 'acme/nul\u0000byte', 'acme/lone\ud800surrogate', 'acme/bell\u0007'];

function poisonedList(): string {
  const poisoned = models.map((model) => POISON.find((p) => p.id === model.id)?.change(model) ?? model);
  const template = byId('openai/gpt-5.5');
  // 1e400 is valid JSON that JSON.parse turns into Infinity: written as text, as an upstream would send it.
  const extra = BAD_IDS.map((id) => JSON.stringify({ ...template, id }));
  return `{"data":[${[...poisoned.map((m) => JSON.stringify(m)), ...extra, '{"id":"acme/infinite","context_length":1e400}'].join(',')}]}`;
}

const endpoints = (JSON.parse(readFixtureBytes('openrouter', 'endpoints', 'openai__gpt-4o.json').toString('utf8')) as { data: { endpoints: Record<string, unknown>[] } }).data;
/** The first /endpoints requests get an uptime that is not a finite number; the rest a real answer. */
const BAD_UPTIMES = ['"1e309"', '1e400', '"inf"', '"-Infinity"'];

describe('upstream numbers the API cannot represent', () => {
  const upstream = new FakeUpstream();
  const poisonedHealth = new Map<string, string>();
  let server: ServerProcess;

  async function graphql(query: string): Promise<{ data?: Record<string, any>; errors?: unknown[] }> {
    const response = await request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await response.body.json()) as { data?: Record<string, any>; errors?: unknown[] };
  }

  beforeAll(async () => {
    upstream.route('/api/v1/models', (_req, res) => res.end(poisonedList()));
    upstream.fallback((req, res) => {
      const modelId = decodeURIComponent(req.url!).replace(/^\/api\/v1\/models\//, '').replace(/\/endpoints$/, '');
      const bad = BAD_UPTIMES[poisonedHealth.size];
      if (bad !== undefined && !poisonedHealth.has(modelId)) poisonedHealth.set(modelId, bad);
      const uptime = poisonedHealth.get(modelId);
      const body = JSON.stringify({ data: { ...endpoints, endpoints: endpoints.endpoints.map((e) => ({ ...e, uptime_last_30m: '__UPTIME__' })) } });
      res.end(body.replaceAll('"__UPTIME__"', uptime ?? '99.5'));
    });
    await upstream.start();
    server = await startServer({ OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'unrepresentable-')) });
    for (let i = 0; i < 100; i += 1) {
      const status = await graphql('{ catalogue { origin enrichedAt } }');
      if (status.data?.catalogue.origin === 'LIVE' && status.data.catalogue.enrichedAt !== null) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no live, enriched catalogue:\n${server.logs.join('\n')}`);
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await upstream.stop();
  });

  it('every selector field answers without an error; Ints are 32-bit and Floats finite', async () => {
    const body = await graphql(`{
      llmConfigs(includeAuto: true) {
        id modelName contextLength rpm tpm quotaReserveTokens qualityScore qualityScoreStatic qualityScoreHealth
        pricing { prompt completion }
        health { score bestUptimePct freshnessPct endpointCount okEndpointCount checkedAt }
        scoreBreakdown { prestige recency priceBand context capabilities penalty staticTotal health qualityScore }
      }
      catalogueChanges(last: 50) { added { id } repriced { promptAfter completionAfter } }
    }`);
    expect(body.errors).toBeUndefined();
    const numbers: number[] = [];
    JSON.stringify(body.data, (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.length).toBeGreaterThan(1_000);
    for (const value of numbers) expect(Number.isFinite(value) && Math.abs(value) <= Number.MAX_VALUE).toBe(true);
    for (const config of body.data!.llmConfigs as { contextLength: number | null }[]) if (config.contextLength !== null) expect(config.contextLength).toBeLessThanOrEqual(INT_MAX);
  });

  it('drops a model whose value cannot be served, counts it with a reason, and keeps the rest', async () => {
    const body = await graphql('{ catalogue { lastRefresh { outcome malformedCount } counts { openRouter } } llmConfigs { modelName contextLength pricing { prompt completion } scoreBreakdown { recency } } }');
    expect(body.errors).toBeUndefined();
    const served = new Map((body.data!.llmConfigs as { modelName: string }[]).map((config) => [config.modelName, config as Record<string, any>]));
    for (const poison of POISON) expect(served.has(poison.id), poison.id).toBe(poison.served);
    for (const id of BAD_IDS) expect(served.has(id)).toBe(false);
    // 4 contexts, 4 ids, one 1e400 context: malformed, each with its reason in the log.
    expect(body.data!.catalogue.lastRefresh).toEqual({ outcome: 'ACCEPTED', malformedCount: 9 });
    expect(body.data!.catalogue.counts.openRouter).toBe(228 - 4);
    expect(served.get('minimax/minimax-m3')!.pricing.prompt).toBeNull();
    expect(served.get('stepfun/step-3.7-flash')!.pricing.completion).toBeNull();
    expect(served.get('anthropic/claude-opus-4.8')!.scoreBreakdown.recency).toBe(20);
    const log = server.logs.find((line) => line.includes('malformed model objects dropped'));
    expect(log).toBeDefined();
    expect(log).toContain('context_length');
  });

  it('an /endpoints answer with an uptime that is not a finite number is a failed fetch, counted, never served', async () => {
    expect(poisonedHealth.size).toBe(BAD_UPTIMES.length);
    const body = await graphql('{ llmConfigs { modelName health { score bestUptimePct } } }');
    expect(body.errors).toBeUndefined();
    const configs = body.data!.llmConfigs as { modelName: string; health: { score: number } | null }[];
    for (const modelId of poisonedHealth.keys()) expect(configs.find((c) => c.modelName === modelId)?.health, modelId).toBeNull();
    expect(configs.filter((c) => c.health !== null).length).toBeGreaterThan(50);
    const report = server.logs.find((line) => line.includes('health enrichment finished'))!;
    expect(JSON.parse(report)).toMatchObject({
      failures: BAD_UPTIMES.length,
      degraded: false,
      failuresByKind: { 'bad-shape': BAD_UPTIMES.length },
      firstFailure: expect.stringMatching(/^\/endpoints of .+: data\.endpoints\[0\]\.uptime_last_30m is not a finite number$/),
    });
  });
});
