import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureBytes } from '../support/fixtures.js';
import { RedisServer } from '../support/redis-server.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

const ADMIN = 'replica-admin-token-0123456789ab';
const LEASE_TTL_MS = 1_500;
const MODELS = '/api/v1/models';

async function graphql<T>(url: string, query: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return ((await response.body.json()) as { data: T }).data;
}

/** Subscribes over SSE on `replica`; `event` resolves with the data of the first event (within 2 s of the call), then the stream is closed. */
async function firstEvent<T>(replica: ServerProcess, query: string): Promise<{ event: Promise<T> }> {
  const response = await request(`${replica.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query }) });
  let received = '';
  // Closing the stream ourselves ends it with an abort error, which is expected.
  response.body.on('error', () => {});
  const event = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event: ${received}`)), 2_000);
    response.body.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const match = /event: next\ndata: (.*)\n/.exec(received);
      if (!match) return;
      clearTimeout(timer);
      response.body.destroy();
      resolve((JSON.parse(match[1]!) as { data: T }).data);
    });
  });
  // Give the server a moment to register the subscription before anything is published.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { event };
}

const etagOf = async (replica: ServerProcess) => (await graphql<{ catalogue: { etag: string } }>(replica.url, '{ catalogue { etag } }')).catalogue.etag;

async function eventually<T>(check: () => Promise<T>, ok: (value: T) => boolean, withinMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (ok(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > withinMs) throw new Error(`condition not met within ${withinMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('three replicas sharing one catalogue through a real Redis', () => {
  let redis: RedisServer;
  let client: Redis;
  const upstream = new FakeUpstream();
  const replicas: ServerProcess[] = [];
  let flavour = 0;
  let unavailable = false;

  beforeAll(async () => {
    redis = await RedisServer.start();
    client = new Redis(redis.url, { maxRetriesPerRequest: 0, lazyConnect: true });
    client.on('error', () => {});
    await client.connect();
    // Alternate two real lists so each accepted refresh is a new version.
    const bodies = [readFixtureBytes('openrouter', 'models-2026-06-16.json'), readFixtureBytes('openrouter', 'models-2025-12-02.json')];
    upstream.route(MODELS, (_req, res) =>
      setTimeout(() => {
        if (!unavailable) return res.end(bodies[flavour % 2]);
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":"busy"}');
      }, 100),
    );
    await upstream.start();
    const yaml = join(mkdtempSync(join(tmpdir(), 'replica-config-')), 'catalogue.yaml');
    (await import('node:fs')).writeFileSync(yaml, 'openrouter_integration:\n  max_shrink_fraction: 1\n');
    for (let i = 0; i < 3; i += 1) {
      replicas.push(
        await startServer({
          REDIS_URL: redis.url,
          REDIS_LEASE_TTL_MS: String(LEASE_TTL_MS),
          REPLICA_ID: `replica-${i}`,
          OPENROUTER_BASE_URL: upstream.baseUrl,
          DATA_DIR: mkdtempSync(join(tmpdir(), `replica-${i}-`)),
          CATALOGUE_CONFIG: yaml,
          ADMIN_TOKEN: ADMIN,
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
    client.disconnect();
    await redis.stop();
    await upstream.stop();
  });

  const holder = () => client.get('llm-catalogue:lease');
  const live = () => replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);

  it('one replica holds the lease; all serve the same version after its startup refresh', async () => {
    const lease = await eventually(holder, (value) => value !== null, 5_000);
    expect(lease.value).toMatch(/^replica-[012]$/);
    await eventually(async () => new Set(await Promise.all(replicas.map(etagOf))).size, (size) => size === 1, 5_000);
    expect(upstream.count(MODELS)).toBe(1);
  });

  it('refreshCatalogue on any replica makes exactly one upstream fetch, and all serve the new version within a second', async () => {
    for (const asked of replicas) {
      const before = upstream.count(MODELS);
      flavour += 1;
      const result = await graphql<{ refreshCatalogue: { __typename: string; catalogue: { etag: string } } }>(asked.url, 'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { etag } } } }', { authorization: `Bearer ${ADMIN}` });
      expect(result.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
      expect(upstream.count(MODELS)).toBe(before + 1);
      const target = result.refreshCatalogue.catalogue.etag;
      const { ms } = await eventually(async () => Promise.all(replicas.map(etagOf)), (etags) => etags.every((etag) => etag === target), 1_000);
      expect(ms).toBeLessThan(1_000);
    }
  });

  it('three replicas asked at once still cause one upstream fetch', async () => {
    const before = upstream.count(MODELS);
    flavour += 1;
    const results = await Promise.all(replicas.map((replica) => graphql<{ refreshCatalogue: { __typename: string } }>(replica.url, 'mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` })));
    expect(results.map((r) => r.refreshCatalogue.__typename)).toEqual(['RefreshCatalogueSuccess', 'RefreshCatalogueSuccess', 'RefreshCatalogueSuccess']);
    expect(upstream.count(MODELS)).toBe(before + 1);
  });

  it('a new replica boots from the shared snapshot before anything else, without fetching', async () => {
    const shared = await etagOf(replicas[0]!);
    const before = upstream.count(MODELS);
    const late = await startServer({
      REDIS_URL: redis.url,
      REDIS_LEASE_TTL_MS: String(LEASE_TTL_MS),
      REPLICA_ID: 'replica-late',
      // Pointed at a closed port: whatever it serves can only have come from Redis.
      OPENROUTER_BASE_URL: 'http://127.0.0.1:1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'replica-late-')),
      ADMIN_TOKEN: ADMIN,
    });
    try {
      const status = await graphql<{ catalogue: { etag: string; origin: string } }>(late.url, '{ catalogue { etag origin } }');
      expect(status.catalogue).toEqual({ etag: shared, origin: 'SHARED' });
      expect(late.logs.some((line) => line.includes('booted from the shared catalogue'))).toBe(true);
      expect(upstream.count(MODELS)).toBe(before);
    } finally {
      late.child.kill('SIGKILL');
      await late.exited;
    }
  });

  it('a refresh asked on a follower reaches a subscription on another, and is reported as it happened by the mutation, the event and lastRefresh on every replica', async () => {
    // Both ends are followers, so the event can only have come through Redis.
    const leaderIndex = Number((await holder())!.split('-')[1]);
    const [watcher, asked] = replicas.filter((_, i) => i !== leaderIndex) as [ServerProcess, ServerProcess];
    const report = 'lastRefresh { trigger outcome message startedAt finishedAt }';
    type Status = { etag: string; lastRefresh: { trigger: string; outcome: string; message: string; startedAt: string; finishedAt: string } };
    const subscription = await firstEvent<{ catalogueUpdated: Status }>(watcher, `subscription { catalogueUpdated { etag ${report} } }`);
    flavour += 1;
    const askedAt = Date.now();
    const result = await graphql<{ refreshCatalogue: { catalogue: Status; change: { toVersion: number } } }>(
      asked.url,
      `mutation { refreshCatalogue { ... on RefreshCatalogueSuccess { catalogue { etag ${report} } change { toVersion } } } }`,
      { authorization: `Bearer ${ADMIN}` },
    );
    const { lastRefresh, etag } = result.refreshCatalogue.catalogue;
    // The lease holder carried it out after it was asked (not an earlier refresh, and not nothing); its
    // report and change record name the version in the holder's numbering, as the shared change feed does.
    expect(lastRefresh).toMatchObject({ trigger: 'ADMIN', outcome: 'ACCEPTED', message: expect.stringMatching(new RegExp(`^accepted version ${result.refreshCatalogue.change.toVersion} with \\d+ configs$`)) });
    expect(Date.parse(lastRefresh.startedAt)).toBeGreaterThanOrEqual(askedAt - 5);
    expect((await subscription.event).catalogueUpdated).toEqual({ etag, lastRefresh });
    const everywhere = await eventually(
      async () => Promise.all(replicas.map(async (replica) => (await graphql<{ catalogue: Status }>(replica.url, `{ catalogue { ${report} } }`)).catalogue.lastRefresh)),
      (reports) => reports.every((each) => each !== null && each.finishedAt === lastRefresh.finishedAt),
      1_000,
    );
    expect(everywhere.value).toEqual([lastRefresh, lastRefresh, lastRefresh]);
  });

  it('a failed refresh is reported on every replica too, and the asking follower answers with it', async () => {
    const leaderIndex = Number((await holder())!.split('-')[1]);
    const asked = replicas.find((_, i) => i !== leaderIndex)!;
    unavailable = true;
    try {
      const result = await graphql<{ refreshCatalogue: { __typename: string; failureKind: string } }>(asked.url, 'mutation { refreshCatalogue { __typename ... on UpstreamUnavailableError { failureKind } } }', { authorization: `Bearer ${ADMIN}` });
      expect(result.refreshCatalogue).toEqual({ __typename: 'UpstreamUnavailableError', failureKind: 'http-status' });
    } finally {
      unavailable = false;
    }
    const report = async (replica: ServerProcess) => (await graphql<{ catalogue: { lastRefresh: { outcome: string; message: string; finishedAt: string } } }>(replica.url, '{ catalogue { lastRefresh { outcome message finishedAt } } }')).catalogue.lastRefresh;
    const { value } = await eventually(async () => Promise.all(replicas.map(report)), (reports) => reports.every((each) => each.outcome === 'UPSTREAM_UNAVAILABLE'), 1_000);
    expect(new Set(value.map((each) => JSON.stringify(each))).size).toBe(1);
    expect(value[0]!.message).toBe('GET /api/v1/models: HTTP 503');
  });

  it('killing the lease holder hands the lease to another replica within its TTL', async () => {
    const leader = (await holder())!;
    const index = Number(leader.split('-')[1]);
    replicas[index]!.child.kill('SIGKILL');
    const { value, ms } = await eventually(holder, (id) => id !== null && id !== leader, LEASE_TTL_MS * 2);
    expect(value).not.toBe(leader);
    expect(ms).toBeLessThan(LEASE_TTL_MS + LEASE_TTL_MS / 3 + 500);
    // The new holder serves refreshes for the survivors.
    const survivor = live()[0]!;
    const before = upstream.count(MODELS);
    flavour += 1;
    const result = await graphql<{ refreshCatalogue: { __typename: string } }>(survivor.url, 'mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
    expect(result.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    expect(upstream.count(MODELS)).toBe(before + 1);
  });

  it('stopping Redis leaves every replica serving, each logging the switch once', async () => {
    // Let the last refresh reach every replica first, so what each serves is settled.
    const { value: etags } = await eventually(async () => Promise.all(live().map(etagOf)), (all) => new Set(all).size === 1, 5_000);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const [i, replica] of live().entries()) {
      const status = await graphql<{ catalogue: { etag: string; counts: { total: number } } }>(replica.url, '{ catalogue { etag counts { total } } }');
      expect(status.catalogue.etag).toBe(etags[i]);
      expect(status.catalogue.counts.total).toBeGreaterThan(100);
      expect(replica.logs.filter((line) => line.includes('Redis unreachable'))).toHaveLength(1);
      // Standalone now: a refresh on this replica fetches by itself.
      const refreshed = await graphql<{ refreshCatalogue: { __typename: string } }>(replica.url, 'mutation { refreshCatalogue { __typename } }', { authorization: `Bearer ${ADMIN}` });
      expect(refreshed.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    }
    await redis.restart();
    await client.connect().catch(() => {});
    const rejoined = await eventually(holder, (id) => id !== null, 5_000);
    expect(rejoined.value).toMatch(/^replica-/);
    for (const replica of live()) await eventually(async () => replica.logs.some((line) => line.includes('Redis is back')), Boolean, 5_000);
  });
});
