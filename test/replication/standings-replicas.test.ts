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

/**
 * Issue 17.2 with Redis: three real server processes share cooldowns and blocks through a real Redis.
 * A report made to one replica changes what Auto picks on the others within a second; with Redis
 * gone each keeps its own (one log line), and what they learned meanwhile is shared when it is back.
 */

const SERVICE = 'replica-service-token-0123456789';
const KEY = 'sk-or-replica-test-key-0123456789';
// 30: the alias limit of one request.
const THREADS = Array.from({ length: 30 }, (_, i) => `thread-${i}`);

async function graphql<T>(url: string, query: string, headers: Record<string, string> = {}): Promise<{ data: T; errors?: unknown[] }> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.body.json()) as { data: T; errors?: unknown[] };
}

/** Each thread's pick on a replica, in one request. */
async function picks(replica: ServerProcess): Promise<Record<string, number | null>> {
  const query = `{ ${THREADS.map((thread, i) => `t${i}: autoPick(threadId: "${thread}", premiumEligible: true) { chosen { id } }`).join(' ')} }`;
  const { data, errors } = await graphql<Record<string, { chosen: { id: number } | null }>>(replica.url, query);
  if (!data) throw new Error(`no picks from ${replica.url}: ${JSON.stringify(errors)}`);
  return Object.fromEntries(THREADS.map((thread, i) => [thread, data[`t${i}`]!.chosen?.id ?? null]));
}

const report = (replica: ServerProcess, configId: number, outcome: string) =>
  graphql<{ reportModelOutcome: { effect: string } }>(replica.url, `mutation { reportModelOutcome(configId: ${configId}, outcome: ${outcome}) { effect } }`, { authorization: `Bearer ${SERVICE}` });

async function eventually<T>(check: () => Promise<T>, ok: (value: T) => boolean, withinMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (ok(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > withinMs) throw new Error(`condition not met within ${withinMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function mostPinned(chosen: Record<string, number | null>): number {
  const counts = new Map<number, number>();
  for (const id of Object.values(chosen)) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('cooldowns shared by three replicas through a real Redis', () => {
  let redis: RedisServer;
  let client: Redis;
  const upstream = new FakeUpstream();
  const replicas: ServerProcess[] = [];
  const env = (i: number | string) => ({
    REDIS_URL: redis.url,
    REDIS_LEASE_TTL_MS: '1500',
    REPLICA_ID: `replica-${i}`,
    OPENROUTER_BASE_URL: upstream.baseUrl,
    OPENROUTER_API_KEY: KEY,
    SERVICE_TOKEN: SERVICE,
    // The tests poll every 25 ms with 30 picks a request: per-client budgets are not what they test.
    RATE_LIMIT_POINTS_PER_SECOND: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), `standings-${i}-`)),
  });

  beforeAll(async () => {
    redis = await RedisServer.start();
    client = new Redis(redis.url, { maxRetriesPerRequest: 0, lazyConnect: true });
    client.on('error', () => {});
    await client.connect();
    upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')));
    await upstream.start();
    for (let i = 0; i < 3; i += 1) replicas.push(await startServer(env(i)));
    // Every replica serves the lease holder's version.
    await eventually(async () => new Set(await Promise.all(replicas.map(async (r) => (await graphql<{ catalogue: { etag: string; origin: string } }>(r.url, '{ catalogue { etag origin } }')).data.catalogue.etag))).size, (size) => size === 1, 10_000);
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
    client.disconnect();
    await redis.stop();
    await upstream.stop();
  });

  it('a 429 reported to one replica moves the threads pinned to that config on the other two within a second; OK on another brings them back', async () => {
    const [a, b, c] = replicas as [ServerProcess, ServerProcess, ServerProcess];
    const before = await picks(b);
    expect(await picks(c)).toEqual(before);
    const victim = mostPinned(before);
    const pinned = THREADS.filter((thread) => before[thread] === victim);
    expect(pinned.length).toBeGreaterThan(3);

    expect((await report(a, victim, 'RATE_LIMITED')).data.reportModelOutcome.effect).toBe('COOLDOWN_STARTED');
    const reportedAt = Date.now();
    const moved = await Promise.all(
      [b, c].map((replica) => eventually(() => picks(replica), (now) => pinned.every((thread) => now[thread] !== null && now[thread] !== victim), 1_000)),
    );
    for (const { ms } of moved) expect(ms).toBeLessThan(1_000);
    expect(Date.now() - reportedAt).toBeLessThan(1_500);
    // Deterministic: both replicas (and the one reported to) move each thread to the same config.
    expect(moved[0]!.value).toEqual(moved[1]!.value);
    expect(await picks(a)).toEqual(moved[0]!.value);
    // The shared truth: one key, expiring an hour after the cooldown ends (600 s + 1 h).
    const ttl = await client.pttl(`llm-catalogue:standing:${victim}`);
    expect(ttl).toBeGreaterThan(4_100_000);
    expect(ttl).toBeLessThanOrEqual(4_201_000);
    const cooldownUntil = (await graphql<{ llmConfig: { cooldownUntil: string } }>(c.url, `{ llmConfig(id: ${victim}) { cooldownUntil } }`)).data.llmConfig.cooldownUntil;
    expect(Date.parse(cooldownUntil) - reportedAt).toBeGreaterThan(590_000);

    expect((await report(b, victim, 'OK')).data.reportModelOutcome.effect).toBe('COOLDOWN_CLEARED');
    for (const replica of [a, c]) await eventually(() => picks(replica), (now) => JSON.stringify(now) === JSON.stringify(before), 1_000);
  });

  it('a replica started later knows the cooldowns already shared', async () => {
    const [a] = replicas as [ServerProcess];
    const victim = mostPinned(await picks(a));
    await report(a, victim, 'UNAVAILABLE');
    await eventually(() => client.exists(`llm-catalogue:standing:${victim}`), (exists) => exists === 1, 1_000);
    const late = await startServer(env('late'));
    try {
      const { value } = await eventually(() => graphql<{ llmConfig: { cooldownUntil: string | null } | null }>(late.url, `{ llmConfig(id: ${victim}) { cooldownUntil } }`), (answer) => answer.data.llmConfig?.cooldownUntil != null, 5_000);
      expect(value.data.llmConfig!.cooldownUntil).not.toBeNull();
    } finally {
      late.child.kill('SIGKILL');
      await late.exited;
    }
    await report(a, victim, 'OK');
  });

  it('with Redis down each replica keeps its own cooldowns (one log line); what it learned is shared when Redis is back', async () => {
    const [a, b, c] = replicas as [ServerProcess, ServerProcess, ServerProcess];
    const before = await picks(b);
    const victim = mostPinned(before);
    await redis.stop();
    for (const replica of replicas) await eventually(async () => replica.logs.filter((line) => line.includes('keeping cooldowns per process')).length, (count) => count === 1, 5_000);
    // Reported to one replica only: it skips the config at once, the others cannot know yet.
    expect((await report(a, victim, 'RATE_LIMITED')).data.reportModelOutcome.effect).toBe('COOLDOWN_STARTED');
    expect(Object.values(await picks(a))).not.toContain(victim);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await picks(b)).toEqual(before);
    expect(await picks(c)).toEqual(before);
    for (const replica of replicas) expect(replica.logs.filter((line) => line.includes('keeping cooldowns per process'))).toHaveLength(1);

    await redis.restart();
    await client.connect().catch(() => {});
    for (const replica of [b, c]) await eventually(() => picks(replica), (now) => !Object.values(now).includes(victim), 10_000);
    expect(await client.exists(`llm-catalogue:standing:${victim}`)).toBe(1);
    expect(a.logs.some((line) => line.includes('cooldowns and blocks shared through Redis'))).toBe(true);
  });
});
