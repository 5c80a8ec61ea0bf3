import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, snapshotPath, writeSnapshot } from '../../src/catalogue/snapshot-file.js';
import { parseSnapshot, serializeSnapshot } from '../../src/catalogue/snapshot-format.js';
import { removeStaleTemporaries } from '../../src/catalogue/stale-temporaries.js';
import { makeCatalogue } from '../support/test-catalogue.js';
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
  const test = makeCatalogue(upstream.baseUrl, { dataDir: dir });
  await test.catalogue.start();
  await test.catalogue.refresh({ trigger: 'admin' });
  await test.close();
  await upstream.stop();
  goodSnapshot = JSON.parse(readFileSync(snapshotPath(dir), 'utf8')) as Snapshot;
});

const healthy = { gated: false, score: 95, gateReason: null, bestUptimePct: 99, uptimeWindow: 'uptime_last_30m', freshnessPct: 99, freshnessWindow: 'uptime_last_5m', endpointCount: 3, okEndpointCount: 3, checkedAt: 1_795_478_400_000 };
/** Gives the first model `health`, served fresh. */
const withHealth = (s: Snapshot, health: Record<string, unknown>) => {
  const name = s.models[0].id as string;
  s.healthBook[name] = health;
  s.servedHealth[name] = 'fresh';
};

describe('a data file with values the API cannot serve is ignored, never served', () => {
  const variants: Record<string, (snapshot: Snapshot) => void> = {
    'a context length past 2^31': (s) => void (s.models[0].contextLength = 3e9),
    'a fractional context length': (s) => void (s.models[0].contextLength = 150000.5),
    'an endpoint count past 2^31': (s) => withHealth(s, { ...healthy, endpointCount: 3e9 }),
    'a check time no date can hold': (s) => withHealth(s, { ...healthy, checkedAt: 1e300 }),
    'a fetch time no date can hold': (s) => void (s.fetchedAt = 1e300),
    'a fetch time before 1970 (its age would overflow the Int)': (s) => void (s.fetchedAt = -8e15),
    'a health score of 1e308 (the blended quality score would overflow the Int)': (s) => withHealth(s, { ...healthy, score: 1e308 }),
    'health served for a model the health book lacks': (s) => void (s.servedHealth[s.models[0].id as string] = 'fresh'),
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
        const body = await graphql(server, '{ catalogue { origin fetchedAt ageSeconds } llmConfigs { contextLength qualityScore qualityScoreHealth health { score endpointCount checkedAt } } catalogueChanges(last: 50) { added { id } } }');
        expect(body.errors).toBeUndefined();
        expect(body.data!.catalogue.origin).toBe('BUNDLED_SNAPSHOT');
        expect(server.logs.filter((line) => line.includes('persisted catalogue ignored'))).toHaveLength(1);
      } finally {
        await stop(server);
      }
    });
  }
});

describe('a data file that is not what it should be is ignored at once, never read whole', () => {
  const variants: Record<string, (path: string) => void> = {
    'a FIFO': (path) => execFileSync('mkfifo', [path]),
    'a symlink to /dev/zero': (path) => symlinkSync('/dev/zero', path),
    'a directory': (path) => mkdirSync(path),
    'larger than max_snapshot_mib': (path) => writeFileSync(path, JSON.stringify({ ...goodSnapshot, padding: 'x'.repeat(2 * 1024 * 1024) })),
    'nested 1,000,000 levels deep': (path) => writeFileSync(path, `{"format":"llm-catalogue.snapshot","healthCache":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`),
  };
  for (const [name, make] of Object.entries(variants)) {
    it(name, async () => {
      const dir = dataDir('odd');
      make(snapshotPath(dir));
      writeFileSync(join(dir, 'catalogue.yaml'), 'openrouter_integration:\n  max_snapshot_mib: 1\n');
      const server = await startServer({ OPENROUTER_BASE_URL: OFFLINE, DATA_DIR: dir, CATALOGUE_CONFIG: join(dir, 'catalogue.yaml') });
      try {
        const body = await graphql(server, '{ catalogue { origin } }');
        expect(body.data!.catalogue.origin).toBe('BUNDLED_SNAPSHOT');
        const ignored = server.logs.filter((line) => line.includes('persisted catalogue ignored'));
        expect(ignored).toHaveLength(1);
        expect(ignored[0]).toContain(snapshotPath(dir));
      } finally {
        await stop(server);
      }
    });
  }
});

describe('change records are left out before the data file outgrows max_snapshot_mib', () => {
  it('keeps the newest records that fit; refuses to write, keeping the old file, when the catalogue alone does not fit', async () => {
    const dir = dataDir('bounded');
    const snapshot = parseSnapshot(goodSnapshot);
    const refs = Array.from({ length: 2_000 }, (_, i) => ({ id: -1_000_000 - i, modelName: `acme/model-${i}`, name: `Model ${i}` }));
    const changes = Array.from({ length: 20 }, (_, i) => ({ ...snapshot.changes[0]!, toVersion: i + 2, added: refs }));
    const withoutChanges = serializeSnapshot({ ...snapshot, changes: [] }).length;
    const written = await writeSnapshot(dir, { ...snapshot, changes }, withoutChanges + 400_000);
    expect(written.changesLeftOut).toBeGreaterThan(0);
    expect(statSync(snapshotPath(dir)).size).toBe(written.bytes);
    expect(written.bytes).toBeLessThanOrEqual(withoutChanges + 400_000);
    const onDisk = (await readSnapshot(dir))!;
    expect(onDisk.changes.map((change) => change.toVersion)).toEqual(changes.slice(written.changesLeftOut).map((change) => change.toVersion));
    await expect(writeSnapshot(dir, snapshot, withoutChanges - 1)).rejects.toThrow(/over the \d+-byte limit \(max_snapshot_mib\); the previous data file is kept/);
    expect((await readSnapshot(dir))!.changes).toHaveLength(onDisk.changes.length);
  });
});

describe('SIGKILL while writing the data file (issue 12.11)', () => {
  it('leaves a temporary file, which the next start removes; the last whole file is served', async () => {
    const dir = dataDir('sigkill');
    writeFileSync(snapshotPath(dir), JSON.stringify(goodSnapshot));
    const temporaries = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    const midWrite = () => temporaries().some((name) => statSync(join(dir, name), { throwIfNoEntry: false })?.size);
    // The kill may land just between two writes (no temporary file then): try again, as a crash would.
    for (let attempt = 0; attempt < 5 && temporaries().length === 0; attempt += 1) {
      const writer = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./write-snapshot-child.ts', import.meta.url)), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      try {
        for (let i = 0; i < 4_000 && !midWrite(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
      } finally {
        writer.kill('SIGKILL');
        await new Promise((resolve) => writer.once('exit', resolve));
      }
    }
    expect(temporaries()).toHaveLength(1);

    const server = await startServer({ OPENROUTER_BASE_URL: OFFLINE, DATA_DIR: dir });
    try {
      expect(temporaries()).toEqual([]);
      expect(server.logs.some((line) => line.includes('removed 1 temporary files left by an interrupted write'))).toBe(true);
      expect((await graphql(server, '{ catalogue { origin } }')).data!.catalogue.origin).toBe('PERSISTED');
    } finally {
      await stop(server);
    }
  });
});

describe('which temporary files are stale', () => {
  it('removes those of this process, of dead processes and old ones; leaves a live writer its fresh file and anything not ours', async () => {
    const dir = dataDir('stale');
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const names = {
        own: `catalogue-snapshot.json.${process.pid}.aa01.tmp`,
        dead: 'catalogue-snapshot.json.4194303.aa02.tmp',
        liveFresh: `catalogue-snapshot.json.${live.pid}.aa03.tmp`,
        liveOld: `catalogue-snapshot.json.${live.pid}.aa04.tmp`,
        foreign: 'notes.tmp',
        snapshot: 'catalogue-snapshot.json',
      };
      for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(dir, names.liveOld), hourAgo, hourAgo);
      const removed = await removeStaleTemporaries(dir);
      expect(removed.sort()).toEqual([names.own, names.dead, names.liveOld].sort());
      expect(readdirSync(dir).sort()).toEqual([names.liveFresh, names.foreign, names.snapshot].sort());
      expect(await removeStaleTemporaries(join(dir, 'missing'))).toEqual([]);
    } finally {
      live.kill();
    }
  });
});
