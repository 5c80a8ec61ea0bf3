import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotPath } from '../src/catalogue/snapshot-file.js';
import { parseSnapshot, serializeSnapshot } from '../src/catalogue/snapshot-format.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';
import { FIXTURES_DIR, readFixtureJson } from './support/fixtures.js';

/** test/fixtures/data-files/README.md says how the format-1 file was made and what `served.json` holds. */
const FORMAT_ONE = join(FIXTURES_DIR, 'data-files', 'format-1');
const served = readFixtureJson<{ etag: string; fetchedAt: number; enrichedAt: number; changes: number; configs: Record<string, unknown>[] }>('data-files', 'format-1', 'served.json');
const formatOne = () => JSON.parse(readFileSync(join(FORMAT_ONE, 'catalogue-snapshot.json'), 'utf8')) as Record<string, any>;

const opened: TestCatalogue[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

/** A catalogue started offline on a copy of the format-1 file, with the YAML it was written with. */
async function startOnFormatOne(): Promise<TestCatalogue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'format-1-'));
  copyFileSync(join(FORMAT_ONE, 'catalogue-snapshot.json'), snapshotPath(dataDir));
  const operator = parseOperatorConfig(readFileSync(join(FORMAT_ONE, 'catalogue.yaml'), 'utf8'), 'catalogue.yaml');
  const test = makeCatalogue('http://127.0.0.1:1', { operator, dataDir });
  opened.push(test);
  test.catalogue.parts.scheduler.setEnabled(false);
  await test.catalogue.start();
  return test;
}

describe('a data file of format 1 (two copies of health: per config and in the cache)', () => {
  it('is served exactly as the server that wrote it served it: same etag, scores and health', async () => {
    const test = await startOnFormatOne();
    const version = test.catalogue.current()!;
    expect(version.origin).toBe('persisted');
    expect({ etag: version.etag, fetchedAt: version.fetchedAt, enrichedAt: version.enrichedAt, changes: test.catalogue.changes(50).length }).toEqual({ etag: served.etag, fetchedAt: served.fetchedAt, enrichedAt: served.enrichedAt, changes: served.changes });
    const configs = version.configs.map((c) => ({ id: c.id, modelName: c.modelName, qualityScore: c.qualityScore, qualityScoreHealth: c.qualityScoreHealth, healthGated: c.healthGated, health: c.health }));
    expect(configs).toEqual(served.configs);
  });

  it('becomes format 2 with each model’s health stored once, losing no last-good entry', () => {
    const old = formatOne();
    const migrated = parseSnapshot(old);
    // The cache keeps models no config serves now (left out of this cycle's selection): they stay in the book.
    expect(Object.keys(migrated.healthBook).sort()).toEqual(Object.keys(old.healthCache).sort());
    const servedBefore = Object.entries(old.configHealth as Record<string, { health: { fromCache: boolean } | null }>).filter(([, state]) => state.health !== null);
    expect(migrated.servedHealth).toEqual(Object.fromEntries(servedBefore.map(([name, state]) => [name, state.health!.fromCache ? 'from-cache' : 'fresh'])));
    expect(Object.values(migrated.servedHealth)).toContain('from-cache');

    const written = JSON.parse(serializeSnapshot(migrated)) as Record<string, any>;
    expect(written).toMatchObject({ format: 'llm-catalogue.snapshot', formatVersion: 2 });
    expect(written).not.toHaveProperty('configHealth');
    expect(written).not.toHaveProperty('healthCache');
    expect(Object.values(written.healthBook as Record<string, object>).every((health) => !('fromCache' in health))).toBe(true);
    expect(parseSnapshot(written)).toEqual(migrated);
  });

  it('a loaded format-1 file is exported (shared, persisted) in format 2 with the same health', async () => {
    const test = await startOnFormatOne();
    const exported = test.catalogue.parts.snapshots.export()!;
    const migrated = parseSnapshot(formatOne());
    expect(exported.healthBook).toEqual(migrated.healthBook);
    expect(exported.servedHealth).toEqual(migrated.servedHealth);
    expect(exported.models).toEqual(migrated.models);
  });
});
