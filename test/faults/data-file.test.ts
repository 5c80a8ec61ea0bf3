import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotPath } from '../../src/catalogue/persistence.js';
import { makeService } from '../support/catalogue-service.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

/** The data file is input too: whatever is in it, the server starts and serves something valid. */

const dataDir = (name: string) => mkdtempSync(join(tmpdir(), `data-file-${name}-`));
const OFFLINE = 'http://127.0.0.1:1';

async function graphql(server: ServerProcess, query: string): Promise<{ data?: Record<string, any>; errors?: unknown[] }> {
  const response = await request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.body.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

type Snapshot = Record<string, any>;
let goodSnapshot: Snapshot;

beforeAll(async () => {
  const upstream = new FakeUpstream().json('/api/v1/models', readFixtureBytes('openrouter', 'models-2026-06-16.json'));
  await upstream.start();
  const dir = dataDir('good');
  const test = makeService(upstream.baseUrl, { dataDir: dir });
  await test.service.start();
  await test.service.refresh({ trigger: 'admin' });
  await test.close();
  await upstream.stop();
  goodSnapshot = JSON.parse(readFileSync(snapshotPath(dir), 'utf8')) as Snapshot;
});

const healthy = { gated: false, score: 95, gateReason: null, bestUptimePct: 99, uptimeWindow: 'uptime_last_30m', freshnessPct: 99, freshnessWindow: 'uptime_last_5m', endpointCount: 3, okEndpointCount: 3, checkedAt: 1_795_478_400_000, fromCache: false };

describe('a data file with values the API cannot serve is ignored, never served', () => {
  const variants: Record<string, (snapshot: Snapshot) => void> = {
    'a context length past 2^31': (s) => void (s.models[0].contextLength = 3e9),
    'a fractional context length': (s) => void (s.models[0].contextLength = 150000.5),
    'an endpoint count past 2^31': (s) => {
      const name = s.models[0].id as string;
      s.configHealth[name] = { healthGated: false, qualityScoreHealth: 95, health: { ...healthy, endpointCount: 3e9 } };
    },
    'a check time no date can hold': (s) => {
      const name = s.models[0].id as string;
      s.configHealth[name] = { healthGated: false, qualityScoreHealth: 95, health: { ...healthy, checkedAt: 1e300 } };
    },
    'a fetch time no date can hold': (s) => void (s.fetchedAt = 1e300),
    'a change record with an id past 2^31': (s) => void s.changes.push({ ...s.changes[0], added: [{ id: -3e9, modelName: 'x', name: 'x' }] }),
  };
  for (const [name, change] of Object.entries(variants)) {
    it(name, async () => {
      const dir = dataDir('bad');
      const snapshot = structuredClone(goodSnapshot);
      change(snapshot);
      writeFileSync(snapshotPath(dir), JSON.stringify(snapshot));
      const server = await startServer({ OPENROUTER_BASE_URL: OFFLINE, DATA_DIR: dir });
      try {
        const body = await graphql(server, '{ catalogue { origin fetchedAt } llmConfigs { contextLength health { endpointCount checkedAt } } catalogueChanges(last: 50) { added { id } } }');
        expect(body.errors).toBeUndefined();
        expect(body.data!.catalogue.origin).toBe('BUNDLED_SNAPSHOT');
        expect(server.logs.filter((line) => line.includes('persisted catalogue ignored'))).toHaveLength(1);
      } finally {
        await stop(server);
      }
    });
  }
});
