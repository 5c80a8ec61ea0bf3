import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotPath } from '../src/catalogue/snapshot-file.js';
import { parseSnapshot, serializeSnapshot } from '../src/catalogue/snapshot-format.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { NO_DETAILS } from '../src/openrouter/model-details.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';
import { FIXTURES_DIR, readFixtureJson } from './support/fixtures.js';

/** test/fixtures/data-files/README.md says how each file was made and what its `served.json` holds. */
type Served = { etag: string; fetchedAt: number; enrichedAt: number; changes: number; configs: Record<string, unknown>[] };
const fixture = (format: 'format-1' | 'format-2') => ({
  dir: join(FIXTURES_DIR, 'data-files', format),
  served: readFixtureJson<Served>('data-files', format, 'served.json'),
  file: () => JSON.parse(readFileSync(join(FIXTURES_DIR, 'data-files', format, 'catalogue-snapshot.json'), 'utf8')) as Record<string, any>,
});
const FORMAT_ONE = fixture('format-1');
const FORMAT_TWO = fixture('format-2');

const opened: TestCatalogue[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

/** A catalogue started offline on a copy of an older data file, with the YAML it was written with. */
async function startOn({ dir }: { dir: string }): Promise<TestCatalogue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'older-format-'));
  copyFileSync(join(dir, 'catalogue-snapshot.json'), snapshotPath(dataDir));
  const operator = parseOperatorConfig(readFileSync(join(dir, 'catalogue.yaml'), 'utf8'), 'catalogue.yaml');
  const test = makeCatalogue('http://127.0.0.1:1', { operator, dataDir });
  opened.push(test);
  test.catalogue.parts.scheduler.setEnabled(false);
  await test.catalogue.start();
  return test;
}

/**
 * What the server that wrote a file served, compared with what this release serves from it: the same
 * times, change records, ids, scores and health (and, where recorded, tiers, prices and context). The
 * etag is a hash of everything served, and this release serves more of each config, so it differs.
 */
async function expectServedAsWritten(format: typeof FORMAT_ONE): Promise<void> {
  const test = await startOn(format);
  const version = test.catalogue.current()!;
  expect(version.origin).toBe('persisted');
  const { served } = format;
  expect({ fetchedAt: version.fetchedAt, enrichedAt: version.enrichedAt, changes: test.catalogue.changes(50).length }).toEqual({ fetchedAt: served.fetchedAt, enrichedAt: served.enrichedAt, changes: served.changes });
  expect(version.etag).not.toBe(served.etag);
  const keys = Object.keys(served.configs[0]!);
  const configs = version.configs.map((c) => Object.fromEntries(keys.map((key) => [key, key === 'tier' ? c.billingTier : c[key as keyof typeof c]])));
  expect(configs).toEqual(served.configs);
}

describe('a data file of format 1 (two copies of health: per config and in the cache)', () => {
  it('is served as the server that wrote it served it: same ids, scores and health', () => expectServedAsWritten(FORMAT_ONE));

  it('becomes format 3 with each model’s health stored once, losing no last-good entry', () => {
    const old = FORMAT_ONE.file();
    const migrated = parseSnapshot(old);
    // The cache keeps models no config serves now (left out of this cycle's selection): they stay in the book.
    expect(Object.keys(migrated.healthBook).sort()).toEqual(Object.keys(old.healthCache).sort());
    const servedBefore = Object.entries(old.configHealth as Record<string, { health: { fromCache: boolean } | null }>).filter(([, state]) => state.health !== null);
    expect(migrated.servedHealth).toEqual(Object.fromEntries(servedBefore.map(([name, state]) => [name, state.health!.fromCache ? 'from-cache' : 'fresh'])));
    expect(Object.values(migrated.servedHealth)).toContain('from-cache');

    const written = JSON.parse(serializeSnapshot(migrated)) as Record<string, any>;
    expect(written).toMatchObject({ format: 'llm-catalogue.snapshot', formatVersion: 3, retired: [] });
    expect(written).not.toHaveProperty('configHealth');
    expect(written).not.toHaveProperty('healthCache');
    expect(Object.values(written.healthBook as Record<string, object>).every((health) => !('fromCache' in health))).toBe(true);
    expect(parseSnapshot(written)).toEqual(migrated);
  });

  it('a loaded format-1 file is exported (shared, persisted) in the current format with the same health', async () => {
    const test = await startOn(FORMAT_ONE);
    const exported = test.catalogue.parts.snapshots.export()!;
    const migrated = parseSnapshot(FORMAT_ONE.file());
    expect(exported.healthBook).toEqual(migrated.healthBook);
    expect(exported.servedHealth).toEqual(migrated.servedHealth);
    expect(exported.models).toEqual(migrated.models);
  });
});

describe('a data file of format 2 (before models carried what a selector shows, and before retirement)', () => {
  it('is served as the server that wrote it served it: same ids, tiers, scores, health, prices and context', () => expectServedAsWritten(FORMAT_TWO));

  it('its models have no details until the next refresh; text is added back to the input modalities it did not keep', async () => {
    const old = FORMAT_TWO.file();
    const migrated = parseSnapshot(old);
    expect(migrated.retired).toEqual([]);
    expect(migrated.models.every((model) => model.details === NO_DETAILS)).toBe(true);
    const imageModels = (old.models as { id: string; inputModalities: string[] }[]).filter((model) => model.inputModalities.includes('image')).map((model) => model.id);
    expect(imageModels.length).toBeGreaterThan(0);
    for (const model of migrated.models) expect(model.inputModalities).toEqual(imageModels.includes(model.id) ? ['text', 'image'] : ['text']);

    const test = await startOn(FORMAT_TWO);
    const configs = test.catalogue.current()!.configs;
    expect(configs.every((config) => config.lifecycle !== 'retired' && config.details.canonicalSlug === null)).toBe(true);
    const written = JSON.parse(serializeSnapshot(test.catalogue.parts.snapshots.export()!)) as Record<string, any>;
    expect(written.formatVersion).toBe(3);
    expect(parseSnapshot(written).models).toEqual(migrated.models);
  });
});

describe('a data file of format 3 is input like any other', () => {
  it('a retired model or a detail the API could not serve makes the file unusable, with the path of the problem', async () => {
    const test = await startOn(FORMAT_TWO);
    const good = JSON.parse(serializeSnapshot(test.catalogue.parts.snapshots.export()!)) as Record<string, any>;
    const model = good.models[0] as Record<string, any>;
    const variants: [string, (file: Record<string, any>) => void, RegExp][] = [
      ['maxCompletionTokens past 2^31', (file) => (file.models[0].details = { maxCompletionTokens: 3e9 }), /^invalid snapshot: models\[0\]\.details\.maxCompletionTokens: /],
      ['a knowledge cutoff that is no day', (file) => (file.models[0].details = { knowledgeCutoff: '2026-02-30' }), /models\[0\]\.details\.knowledgeCutoff: must be a calendar day/],
      ['Design Arena scores that do not match the names', (file) => (file.models[0].details = { designArena: { names: ['models/3d'], scores: [1300, 50] } }), /models\[0\]\.details\.designArena: scores must hold/],
      ['a win rate over 100', (file) => (file.models[0].details = { designArena: { names: ['models/3d'], scores: [1300, 150, 1] } }), /details\.designArena/],
      ['an override window of the wrong shape', (file) => (file.models[0].details = { priceConditions: { discount: null, unreadableOverrides: 0, overrides: [{ minPromptTokens: null, utcStart: '9am', utcEnd: null, prices: {} }] } }), /utcStart: must be a UTC time of day/],
      ['a retirement time no date can hold', (file) => (file.retired = [{ model, id: -5, retiredAt: 1e300 }]), /^invalid snapshot: retired\[0\]\.retiredAt: /],
      ['a retired model with a control character in its id', (file) => (file.retired = [{ model: { ...model, id: 'a/\u001b' }, id: -5, retiredAt: 1 }]), /retired\[0\]\.model\.id: contains control characters/],
    ];
    expect(parseSnapshot(good).models).toHaveLength(good.models.length);
    for (const [name, spoil, reason] of variants) {
      const file = structuredClone(good);
      spoil(file);
      expect(() => parseSnapshot(file), name).toThrow(reason);
    }
  });
});
