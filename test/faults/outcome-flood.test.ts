import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Redis } from 'ioredis';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Catalogue } from '../../src/catalogue/catalogue.js';
import { silentLogger } from '../../src/logger.js';
import { redisReplication } from '../../src/replication/redis-replication.js';
import { listen, post, type ListeningApp } from '../support/api.js';
import { RedisServer } from '../support/redis-server.js';
import { makeCatalogue, type TestCatalogue } from '../support/test-catalogue.js';

/**
 * Issue 17: a flood of outcome reports from one caller neither grows memory nor state without bound,
 * is held to the caller's budget over HTTP, and costs Redis one write per config per window, not one
 * per report. (bench/outcome-flood.bench.ts measures what it does to the selector's latency.)
 */

const SERVICE = 'flood-service-token-0123456789abc';
const OUTCOMES = ['RATE_LIMITED', 'UNAVAILABLE', 'OK', 'NOT_FOUND', 'BAD_REQUEST'] as const;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

async function redisStats(client: Redis): Promise<Record<string, number>> {
  const info = await client.info('commandstats');
  return Object.fromEntries([...info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)].map((match) => [match[1]!, Number(match[2])]));
}

describe('a flood of outcome reports', () => {
  let redis: RedisServer;
  let client: Redis;
  let test: TestCatalogue;
  let catalogue: Catalogue;
  let app: App;
  let listening: ListeningApp;

  beforeAll(async () => {
    redis = await RedisServer.start();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    await client.connect();
    test = makeCatalogue('http://127.0.0.1:1', {
      yaml: 'openrouter_integration:\n  api_key: sk-or-flood\n',
      logger: silentLogger,
      replication: redisReplication({ redisUrl: redis.url, replicaId: 'flood', leaseTtlMs: 600_000 }),
    });
    catalogue = test.catalogue;
    catalogue.parts.scheduler.setEnabled(false);
    await catalogue.start();
    // The default per-client budget, as a deployment has it.
    app = createApp({ catalogue, adminToken: null, serviceToken: SERVICE, logger: silentLogger, graphiql: false });
    listening = await listen(app);
  }, 30_000);

  afterAll(async () => {
    await listening?.close();
    await test?.close();
    client?.disconnect();
    await redis?.stop();
  });

  /** `count` reports through the API in-process (no per-client budget: the host itself), spread over every config and outcome. */
  async function floodApi(count: number, offset: number): Promise<void> {
    const ids = catalogue.current()!.configs.map((config) => config.id);
    for (let i = 0; i < count; i += 1) {
      const n = i + offset;
      const { body } = await post(app, { query: `mutation { reportModelOutcome(configId: ${ids[n % ids.length]}, outcome: ${OUTCOMES[n % OUTCOMES.length]}, retryAfterSeconds: ${n % 600}) { effect } }` }, { authorization: `Bearer ${SERVICE}` });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  }

  /** `count` reports straight to the catalogue (what the resolver calls), letting timers run between batches. */
  async function floodCatalogue(count: number, offset: number): Promise<void> {
    const ids = catalogue.current()!.configs.map((config) => config.id);
    const outcomes = ['rate-limited', 'unavailable', 'ok', 'not-found', 'bad-request'] as const;
    for (let i = 0; i < count; i += 1) {
      const n = i + offset;
      catalogue.reportOutcome(ids[(n * 7) % ids.length]!, { outcome: outcomes[n % outcomes.length]!, retryAfterSeconds: n % 3 === 0 ? n % 900 : null });
      if (i % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('keeps state bounded by the catalogue and memory flat, however many reports', { timeout: 120_000 }, async () => {
    const configs = catalogue.current()!.configs.length;
    await floodCatalogue(20_000, 0);
    const heapBefore = heapAfterGc();
    await floodCatalogue(200_000, 20_000);
    const heapAfter = heapAfterGc();
    await floodCatalogue(200_000, 220_000);
    const heapLater = heapAfterGc();
    // At most one standing per config, each with at most three incidents.
    expect(catalogue.parts.standings.size).toBeLessThanOrEqual(configs);
    for (const [, standing] of catalogue.parts.standings.entries()) expect(standing.rejections.length).toBeLessThanOrEqual(3);
    // 200,000 more reports cost no more than noise: a log of reports would grow by megabytes with each batch.
    expect(heapAfter - heapBefore).toBeLessThan(4 * 1024 * 1024);
    expect(heapLater - heapAfter).toBeLessThan(4 * 1024 * 1024);
    // What Redis holds is what this replica knows: at most one key per config.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.keys('llm-catalogue:standing:*')).length).toBeLessThanOrEqual(configs);
  });

  it('writes Redis once per config per 100 ms window, not once per report', { timeout: 120_000 }, async () => {
    const configs = catalogue.current()!.configs.length;
    const before = await redisStats(client);
    const started = Date.now();
    await floodApi(3_000, 0);
    const elapsedMs = Date.now() - started;
    // Let the last window go out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await redisStats(client);
    const windows = Math.ceil(elapsedMs / 100) + 2;
    const published = (after.publish ?? 0) - (before.publish ?? 0);
    const written = (after.set ?? 0) + (after.del ?? 0) - (before.set ?? 0) - (before.del ?? 0);
    expect(published).toBeGreaterThan(0);
    expect(published).toBeLessThanOrEqual(windows);
    expect(published).toBeLessThan(3_000 / 10);
    expect(written).toBeLessThanOrEqual(published * configs);
    expect(written).toBeLessThan(3_000);
  });

  it('holds one caller to its budget over HTTP, while another address is served', { timeout: 60_000 }, async () => {
    const flooder = new Agent({ localAddress: '127.0.0.21', connections: 400 });
    const polite = new Agent({ localAddress: '127.0.0.22' });
    const id = catalogue.current()!.configs[0]!.id;
    const statuses: Record<number, number> = {};
    const selectorStatuses: number[] = [];
    const stopAt = Date.now() + 3_000;
    const body = JSON.stringify({ query: `mutation { reportModelOutcome(configId: ${id}, outcome: RATE_LIMITED) { effect } }` });
    const floodOne = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        const response = await request(`${listening.base}/graphql`, { method: 'POST', dispatcher: flooder, headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE}` }, body });
        await response.body.dump();
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      }
    };
    const selector = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        const response = await request(`${listening.base}/graphql`, { method: 'POST', dispatcher: polite, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ llmConfigs { id availability { available } } }' }) });
        await response.body.dump();
        selectorStatuses.push(response.statusCode);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    try {
      await Promise.all([...Array.from({ length: 300 }, floodOne), selector()]);
    } finally {
      await flooder.close();
      await polite.close();
    }
    const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(300);
    // The default budget: 20 points a second over 10 s windows; every report past it is a 429.
    expect(statuses[200] ?? 0).toBeLessThanOrEqual(250);
    expect(statuses[429]).toBe(total - (statuses[200] ?? 0));
    // The other address is never refused (its latency under the flood is bench/outcome-flood.bench.ts's to measure).
    expect(selectorStatuses.length).toBeGreaterThan(2);
    expect(selectorStatuses.every((status) => status === 200)).toBe(true);
    expect(catalogue.parts.standings.size).toBeLessThanOrEqual(catalogue.current()!.configs.length);
  });
});
