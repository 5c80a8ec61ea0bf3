import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { auditAdminRefreshes } from '../../src/observability/admin-audit.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startMetricsServer } from '../../src/observability/metrics-server.js';
import { secretScrubber } from '../../src/observability/secret-scrubber.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { scrape } from '../support/prometheus.js';
import { RedisServer } from '../support/redis-server.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

/**
 * The secret-leak test (test/api/secret-leak.test.ts) extended to what an operator reads: every log
 * line, the access log and `/metrics`. Clients here try hard to get a secret written: as the request
 * id, as an operation name, in the query string, in X-Forwarded-For, and with wrong tokens.
 */

// Markers that are also valid GraphQL names, so one can be sent as an operation name.
const OR_KEY = 'sk_or_MARKER_openrouter_key_7f3a9c';
const YAML_KEY = 'YAML_MARKER_azure_key_51b2e8';
const ADMIN = 'ADMIN_MARKER_token_0c4d2e9f8a';
const REDIS_PASSWORD = 'REDIS_MARKER_password_93ab1e';
const MARKERS = [OR_KEY, YAML_KEY, ADMIN, REDIS_PASSWORD];

const expectNoMarker = (what: string, text: string) => {
  for (const marker of MARKERS) expect(text.includes(marker), `${what} contains ${marker}`).toBe(false);
};

/** Requests that put the admin token where a careless log or label would pick it up. */
async function hostileRequests(url: string): Promise<void> {
  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    (await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).body.dump();
  await post({ query: 'mutation { refreshCatalogue(force: true) { __typename } }' }, { authorization: `Bearer ${ADMIN}` });
  await post({ query: 'mutation { refreshCatalogue { __typename } }' }, { authorization: `Bearer wrong-${ADMIN}`, 'x-forwarded-for': ADMIN });
  await post({ query: `query ${ADMIN} { catalogue { version } }` }, { 'x-request-id': ADMIN });
  await post({ query: `query Q($t: String) { catalogue { version } }`, variables: { t: OR_KEY } }, { 'x-request-id': `${YAML_KEY}-${REDIS_PASSWORD}` });
  await (await request(`${url}/graphql?query=${encodeURIComponent('{ catalogue { version } }')}&token=${ADMIN}&key=${OR_KEY}`, { headers: { accept: 'application/json' } })).body.dump();
}

describe('no secret in the access log or /metrics (plugins over the real schema)', () => {
  it('logs and metrics stay clean whatever the client sends', async () => {
    const logs: string[] = [];
    // As main.ts configures it: the registered secrets are the last line of defence.
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: MARKERS });
    const metrics = createMetrics();
    const catalogue = auditAdminRefreshes(new FakeCatalogue(), { logger, replica: 'replica-leak' });
    // The real app, with the access log and HTTP metrics wired as main.ts wires them.
    const app = createApp({ catalogue, adminToken: ADMIN, logger, graphiql: false, metricsRegistry: metrics.registry });
    const api = createHttpServer(app);
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const metricsServer = await startMetricsServer({ registry: metrics.registry, port: 0, host: '127.0.0.1', scrub: secretScrubber(MARKERS) });
    const base = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await hostileRequests(base(api));
      // The requests did get logged and counted: the test looks at real lines.
      expect(logs.filter((line) => line.includes('"msg":"request"'))).toHaveLength(5);
      expect(logs.some((line) => line.includes('admin authentication refused'))).toBe(true);
      expect(logs.some((line) => line.includes('admin refresh: accepted'))).toBe(true);
      expectNoMarker('the logs', logs.join('\n'));
      const { text } = await scrape(base(metricsServer));
      expect(text).toContain('operation="[redacted]"');
      expectNoMarker('/metrics', text);
    } finally {
      await new Promise((resolve) => api.close(resolve));
      await new Promise((resolve) => metricsServer.close(resolve));
    }
  });
});

describe('no secret in the logs or /metrics of a real server process', () => {
  const upstream = new FakeUpstream();
  let server: ServerProcess | undefined;
  let redis: RedisServer | undefined;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await redis?.stop();
    await upstream.stop();
  });

  it('through refreshes, refused attempts and a Redis outage', async () => {
    upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')));
    await upstream.start();
    redis = await RedisServer.start({ password: REDIS_PASSWORD });
    const dir = mkdtempSync(join(tmpdir(), 'leak-process-'));
    const yaml = join(dir, 'catalogue.yaml');
    writeFileSync(yaml, `global_llm_configs:\n  - id: -1\n    name: Azure\n    provider: AZURE\n    model_name: gpt-5.1\n    api_key: ${YAML_KEY}\n    api_base: https://example.invalid\n`);
    server = await startServer({ OPENROUTER_BASE_URL: upstream.baseUrl, OPENROUTER_API_KEY: OR_KEY, ADMIN_TOKEN: ADMIN, REDIS_URL: redis.url, REDIS_LEASE_TTL_MS: '900', DATA_DIR: dir, CATALOGUE_CONFIG: yaml });
    // The startup refresh runs once the replica has joined the lease competition, after it listens.
    for (let i = 0; i < 100 && !upstream.requests.some((entry) => entry.authorization === `Bearer ${OR_KEY}`); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.requests.some((entry) => entry.authorization === `Bearer ${OR_KEY}`)).toBe(true);
    await hostileRequests(server.url);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await redis.restart();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { text } = await scrape(server.metricsUrl!);
    expect(server.logs.some((line) => line.includes('Redis unreachable'))).toBe(true);
    expect(server.logs.some((line) => line.includes('admin refresh: accepted'))).toBe(true);
    expectNoMarker('the logs', server.logs.join('\n'));
    expectNoMarker('/metrics', text);
  });
});
