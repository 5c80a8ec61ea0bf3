import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureBytes } from '../support/fixtures.js';
import { RedisServer } from '../support/redis-server.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

/** Retirement shared by replicas through a real Redis: the grace travels in the shared snapshot. */

const ADMIN = 'replica-retire-token-0123456789ab';
const RETIRED = '{ catalogue { etag counts { retired } } llmConfigs(filter: { lifecycle: [RETIRED] }) { id modelName retiredAt successor { id } } }';

interface Retired {
  catalogue: { etag: string; counts: { retired: number } };
  llmConfigs: { id: number; modelName: string; retiredAt: string; successor: { id: number } | null }[];
}

async function graphql<T>(url: string, query: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return ((await response.body.json()) as { data: T }).data;
}

async function eventually<T>(check: () => Promise<T>, ok: (value: T) => boolean, withinMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (ok(value)) return value;
    if (Date.now() - started > withinMs) throw new Error(`condition not met within ${withinMs} ms: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('replicas serve the same retired models', () => {
  let redis: RedisServer;
  let body = readFixtureBytes('openrouter', 'models-2025-12-02.json');
  const upstream = new FakeUpstream().route('/api/v1/models', (_req, res) => res.end(body));
  const replicas: ServerProcess[] = [];
  let env: (name: string) => Record<string, string>;

  beforeAll(async () => {
    redis = await RedisServer.start();
    await upstream.start();
    const yaml = join(mkdtempSync(join(tmpdir(), 'retire-replicas-')), 'catalogue.yaml');
    writeFileSync(yaml, 'openrouter_integration:\n  retirement_grace_days: 3\n');
    env = (name) => {
      return { REDIS_URL: redis.url, REDIS_LEASE_TTL_MS: '1500', REPLICA_ID: name, OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), `${name}-`)), CATALOGUE_CONFIG: yaml, ADMIN_TOKEN: ADMIN };
    };
    for (const name of ['replica-a', 'replica-b']) replicas.push(await startServer(env(name)));
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
    await redis.stop();
    await upstream.stop();
  });

  it('what the refreshing replica retires, every replica serves with the same ids, times and successors; a replica started later too', async () => {
    const etags = () => Promise.all(replicas.map(async (replica) => (await graphql<Retired>(replica.url, RETIRED)).catalogue.etag));
    const startup = await eventually(etags, (values) => new Set(values).size === 1 && upstream.count('/api/v1/models') === 1);
    body = readFixtureBytes('openrouter', 'models-2026-06-16.json');
    // Asked of either replica, the refresh is carried out once, by the lease holder. A refresh reports
    // before it saves, and one asked for before the save ends joins it (answering with the startup
    // version): ask until the answer is a version made from the new list.
    const refresh = () => graphql<{ refreshCatalogue: { __typename: string; catalogue: { etag: string } } }>(replicas[1]!.url, 'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { etag } } } }', { authorization: `Bearer ${ADMIN}` });
    const answer = await eventually(refresh, (refreshed) => refreshed.refreshCatalogue.catalogue?.etag !== startup[0]);
    expect(answer.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    const target = answer.refreshCatalogue.catalogue.etag;
    await eventually(etags, (values) => values.every((etag) => etag === target));
    const [a, b] = await Promise.all(replicas.map((replica) => graphql<Retired>(replica.url, RETIRED)));
    expect(a!.catalogue.counts.retired).toBe(62);
    expect(a!.llmConfigs).toHaveLength(62);
    expect(b!.llmConfigs).toEqual(a!.llmConfigs);
    expect(a!.llmConfigs.filter((config) => config.successor !== null).length).toBeGreaterThan(0);

    const late = await startServer(env('replica-c'));
    replicas.push(late);
    const c = await eventually(() => graphql<Retired>(late.url, RETIRED), (state) => state.catalogue.etag === target);
    expect(c.llmConfigs).toEqual(a!.llmConfigs);
  });
});
