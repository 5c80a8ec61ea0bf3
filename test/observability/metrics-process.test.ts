import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureBytes } from '../support/fixtures.js';
import { scrape, valueOf, type Sample } from '../support/prometheus.js';
import { RedisServer } from '../support/redis-server.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

const ADMIN = 'metrics-admin-token-0123456789ab';
const MODELS = '/api/v1/models';

async function graphql<T>(url: string, query: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return ((await response.body.json()) as { data: T }).data;
}

async function eventually(check: () => Promise<boolean>, what: string, withinMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const refreshes = (samples: Sample[], trigger: string, outcome: string) => valueOf(samples, 'llm_catalogue_refreshes_total', { trigger, outcome }) ?? 0;

describe('/metrics of a real server process', () => {
  const upstream = new FakeUpstream();
  let server: ServerProcess;
  const dataDir = mkdtempSync(join(tmpdir(), 'metrics-'));
  let body: Buffer | string = readFixtureBytes('openrouter', 'models-2026-06-16.json');

  beforeAll(async () => {
    upstream.route(MODELS, (_req, res) => res.end(body));
    // Two models have health data; every other /endpoints request is a 404, an enrichment failure of kind http-status.
    upstream.json('/api/v1/models/openai/gpt-4o/endpoints', readFixtureBytes('openrouter', 'endpoints', 'openai__gpt-4o.json'));
    upstream.json('/api/v1/models/deepseek/deepseek-v4-flash/endpoints', readFixtureBytes('openrouter', 'endpoints', 'deepseek__deepseek-v4-flash.json'));
    await upstream.start();
    server = await startServer({ OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, REPLICA_ID: 'replica-m' });
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await upstream.stop();
  });

  it('moves after refreshes: refreshes by trigger and outcome, guard rejections, enrichment, and the catalogue gauges match the API', async () => {
    await eventually(async () => refreshes((await scrape(server.metricsUrl!)).samples, 'startup', 'accepted') === 1, 'startup refresh counted');
    // A refresh is counted before its version is saved; one asked for before the save ends joins it.
    await eventually(async () => existsSync(join(dataDir, 'catalogue-snapshot.json')), 'startup refresh saved');
    const before = (await scrape(server.metricsUrl!)).samples;
    expect(refreshes(before, 'admin', 'accepted')).toBe(0);
    expect(valueOf(before, 'llm_catalogue_guard_rejections_total', { guard: 'EMPTY' })).toBe(0);
    const cyclesBefore = valueOf(before, 'llm_catalogue_enrichment_cycles_total', { result: 'ok' })! + valueOf(before, 'llm_catalogue_enrichment_cycles_total', { result: 'degraded' })!;
    const failuresBefore = valueOf(before, 'llm_catalogue_enrichment_failures_total', { kind: 'http-status' })!;
    expect(cyclesBefore).toBeGreaterThanOrEqual(1);
    expect(failuresBefore).toBeGreaterThan(0);

    const auth = { authorization: `Bearer ${ADMIN}` };
    const accepted = await graphql<{ refreshCatalogue: { __typename: string } }>(server.url, 'mutation { refreshCatalogue { __typename } }', auth);
    expect(accepted.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    body = JSON.stringify({ data: [] });
    const refused = await graphql<{ refreshCatalogue: { __typename: string; guard: string } }>(server.url, 'mutation { refreshCatalogue { __typename ... on RefreshRejectedError { guard } } }', auth);
    expect(refused.refreshCatalogue).toEqual({ __typename: 'RefreshRejectedError', guard: 'EMPTY' });

    const after = (await scrape(server.metricsUrl!)).samples;
    expect(refreshes(after, 'admin', 'accepted')).toBe(1);
    expect(refreshes(after, 'admin', 'rejected-by-guard')).toBe(1);
    expect(valueOf(after, 'llm_catalogue_guard_rejections_total', { guard: 'EMPTY' })).toBe(1);
    expect(valueOf(after, 'llm_catalogue_refresh_duration_seconds_count', { outcome: 'accepted' })).toBe(2);
    const cyclesAfter = valueOf(after, 'llm_catalogue_enrichment_cycles_total', { result: 'ok' })! + valueOf(after, 'llm_catalogue_enrichment_cycles_total', { result: 'degraded' })!;
    expect(cyclesAfter).toBe(cyclesBefore + 1);
    expect(valueOf(after, 'llm_catalogue_enrichment_duration_seconds_count')).toBe(cyclesAfter);
    expect(valueOf(after, 'llm_catalogue_enrichment_failures_total', { kind: 'http-status' })).toBeGreaterThan(failuresBefore);

    // The gauges are read from the served catalogue at scrape time: they agree with the API.
    const status = await graphql<{ catalogue: { version: number; etag: string; counts: { free: number; premium: number; gated: number; total: number } } }>(
      server.url,
      '{ catalogue { version etag counts { free premium gated total } } }',
    );
    const configs = (tier: string, gated: string) => valueOf(after, 'llm_catalogue_configs', { tier, gated })!;
    expect(configs('free', 'true') + configs('free', 'false')).toBe(status.catalogue.counts.free);
    expect(configs('premium', 'true') + configs('premium', 'false')).toBe(status.catalogue.counts.premium);
    expect(configs('free', 'true') + configs('premium', 'true')).toBe(status.catalogue.counts.gated);
    expect(status.catalogue.counts.total).toBeGreaterThan(200);
    expect(valueOf(after, 'llm_catalogue_version')).toBe(status.catalogue.version);
    expect(valueOf(after, 'llm_catalogue_info', { origin: 'live', etag: status.catalogue.etag })).toBe(1);
    expect(valueOf(after, 'llm_catalogue_age_seconds')).toBeLessThan(30);
    // Standalone: no lease, and no Redis series at all.
    expect(valueOf(after, 'llm_catalogue_refresher_lease_held')).toBe(0);
    expect(valueOf(after, 'llm_catalogue_redis_connected')).toBeUndefined();
    // Node's process metrics are on.
    expect(valueOf(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(valueOf(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('logs every admin refresh with the replica that served it and its outcome', () => {
    const audit = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => String(line.msg).startsWith('admin refresh:'));
    expect(audit).toMatchObject([
      { level: 'info', msg: 'admin refresh: accepted', replica: 'replica-m', outcome: 'accepted', force: false, version: expect.any(Number) },
      { level: 'info', msg: 'admin refresh: rejected-by-guard', replica: 'replica-m', outcome: 'rejected-by-guard', guard: 'EMPTY' },
    ]);
  });

  it('serves nothing but GET /metrics on the metrics port', async () => {
    const response = await request(`${server.metricsUrl}/graphql`);
    expect(response.statusCode).toBe(404);
    await response.body.dump();
  });
});

describe('replication gauges with a real Redis', () => {
  let redis: RedisServer;
  const replicas: ServerProcess[] = [];
  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));
    await redis?.stop();
  });

  it('exactly one replica reports holding the lease; both report Redis up, then down when it stops', async () => {
    redis = await RedisServer.start();
    for (const id of ['a', 'b']) {
      replicas.push(
        await startServer({ REDIS_URL: redis.url, REDIS_LEASE_TTL_MS: '1500', REPLICA_ID: `replica-${id}`, OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), `metrics-replica-${id}-`)) }),
      );
    }
    const gauges = async () =>
      Promise.all(
        replicas.map(async (replica) => {
          const { samples } = await scrape(replica.metricsUrl!);
          return { lease: valueOf(samples, 'llm_catalogue_refresher_lease_held'), redis: valueOf(samples, 'llm_catalogue_redis_connected'), leader: valueOf(samples, 'llm_catalogue_replication_mode', { mode: 'leader' }), standalone: valueOf(samples, 'llm_catalogue_replication_mode', { mode: 'standalone' }) };
        }),
      );
    await eventually(async () => {
      const values = await gauges();
      return values.every((value) => value.redis === 1) && values.filter((value) => value.lease === 1).length === 1 && values.filter((value) => value.leader === 1).length === 1;
    }, 'one lease holder among two connected replicas');

    await redis.stop();
    await eventually(async () => (await gauges()).every((value) => value.redis === 0 && value.lease === 0 && value.standalone === 1), 'both replicas standalone with Redis down');
  });
});
