import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toReferenceConfig } from '../src/catalogue/reference-shape.js';
import { readSnapshot, snapshotPath } from '../src/catalogue/snapshot-file.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';
import { readFixtureBytes } from './support/fixtures.js';
import { FakeUpstream } from './support/upstream.js';

const MODELS = '/api/v1/models';
const opened: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.stop();
});

async function upstreamWith(body: Buffer | string | null, status = 200, headers: Record<string, string> = {}): Promise<FakeUpstream> {
  const upstream = new FakeUpstream();
  if (body !== null) upstream.json(MODELS, body, status, headers);
  await upstream.start();
  opened.push(upstream);
  return upstream;
}

function track(test: TestCatalogue): TestCatalogue {
  opened.push({ stop: test.close });
  return test;
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'catalogue-data-'));
const snapshot = (date: string) => readFixtureBytes('openrouter', `models-${date}.json`);

describe('startup', () => {
  it('serves the bundled snapshot at once on a fresh machine with no network, and says so', async () => {
    const upstream = await upstreamWith(null);
    await upstream.stop(); // nothing listens on that port any more
    const { catalogue, logs } = track(makeCatalogue(upstream.baseUrl, { dataDir: dataDir() }));
    catalogue.parts.scheduler.setEnabled(false); // only the refreshes this test asks for
    await catalogue.start();
    const version = catalogue.current()!;
    expect(version.origin).toBe('bundled-snapshot');
    expect(version.configs).toHaveLength(228);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const outcome = await catalogue.refresh({ trigger: 'admin' });
      expect(outcome).toMatchObject({ kind: 'upstream-unavailable', failureKind: 'transport' });
    }
    expect(catalogue.current()).toBe(version);
    expect(catalogue.lastRefresh()).toMatchObject({ outcome: 'upstream-unavailable', trigger: 'admin' });
    // The same failure three times is one warning, not three.
    const warnings = logs.map((line) => JSON.parse(line) as { level: string; msg: string }).filter((entry) => entry.level === 'warn' && entry.msg.includes('catalogue refresh failed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('ECONNREFUSED');
  });

  it('after an accepted refresh, a restart with the upstream down serves the persisted catalogue with identical ids, tiers and scores', async () => {
    const dir = dataDir();
    const upstream = await upstreamWith(snapshot('2025-12-02'));
    const first = track(makeCatalogue(upstream.baseUrl, { dataDir: dir }));
    await first.catalogue.start();
    const outcome = await first.catalogue.refresh({ trigger: 'admin' });
    expect(outcome.kind).toBe('accepted');
    const served = first.catalogue.current()!;
    expect(served.origin).toBe('live');
    expect(served.configs).toHaveLength(166);
    await first.close();
    await upstream.stop();

    const second = track(makeCatalogue(upstream.baseUrl, { dataDir: dir }));
    await second.catalogue.start();
    const restored = second.catalogue.current()!;
    expect(restored.origin).toBe('persisted');
    expect(restored.configs.map(toReferenceConfig)).toEqual(served.configs.map(toReferenceConfig));
    expect(restored.etag).toBe(served.etag);
    expect(second.catalogue.changes(10)).toHaveLength(1);
  });

  it('ignores a corrupted, truncated or foreign data file with one clear log line', async () => {
    const upstream = await upstreamWith(snapshot('2025-12-02'));
    const good = dataDir();
    const writer = track(makeCatalogue(upstream.baseUrl, { dataDir: good }));
    await writer.catalogue.start();
    await writer.catalogue.refresh({ trigger: 'admin' });
    const whole = readFileSync(snapshotPath(good), 'utf8');
    const variants: Record<string, string> = {
      truncated: whole.slice(0, Math.floor(whole.length / 2)),
      corrupted: whole.replace('"generatedAtSeconds":', '"generatedAtSeconds":"x",'),
      foreign: JSON.stringify({ hello: 'world' }),
      'wrong types': whole.replace('"models":[', '"models":[42,'),
    };
    for (const [name, content] of Object.entries(variants)) {
      const dir = dataDir();
      writeFileSync(snapshotPath(dir), content);
      const test = track(makeCatalogue('http://127.0.0.1:1', { dataDir: dir }));
      await test.catalogue.start();
      expect(test.catalogue.current()!.origin, name).toBe('bundled-snapshot');
      const lines = test.logs.filter((line) => line.includes('persisted catalogue ignored'));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toContain(snapshotPath(dir));
    }
  });
});

describe('guards', () => {
  it('rejects a fetch that keeps zero models, and accepts it with force', async () => {
    const upstream = await upstreamWith(JSON.stringify({ data: [{ id: 'acme/image-only', architecture: { output_modalities: ['image'] } }] }));
    const { catalogue } = track(makeCatalogue(upstream.baseUrl));
    await catalogue.start();
    const before = catalogue.current();
    const rejected = await catalogue.refresh({ trigger: 'admin' });
    expect(rejected).toMatchObject({ kind: 'rejected-by-guard', guard: 'EMPTY', currentCount: 228, fetchedCount: 0 });
    expect(catalogue.current()).toBe(before);
    const forced = await catalogue.refresh({ trigger: 'admin', force: true });
    expect(forced.kind).toBe('accepted');
    expect(catalogue.current()!.configs).toHaveLength(0);
  });

  it('rejects a list that shrinks the kept set by more than the configured fraction', async () => {
    const full = JSON.parse(snapshot('2026-06-16').toString('utf8')) as { data: unknown[] };
    const upstream = await upstreamWith(JSON.stringify({ data: full.data.slice(0, 100) }));
    const { catalogue } = track(makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  max_shrink_fraction: 0.3\n' }));
    await catalogue.start();
    const outcome = await catalogue.refresh({ trigger: 'admin' });
    expect(outcome).toMatchObject({ kind: 'rejected-by-guard', guard: 'SHRUNK', currentCount: 228 });
    expect(outcome.kind === 'rejected-by-guard' && outcome.message).toMatch(/limit 30%/);
    expect((await catalogue.refresh({ trigger: 'admin', force: true })).kind).toBe('accepted');
  });
});

describe('the GROWN guard', () => {
  it('rejects a list that keeps more than max_growth_factor times the served models, and accepts it with force or a larger factor', async () => {
    const full = JSON.parse(snapshot('2026-06-16').toString('utf8')) as { data: Record<string, unknown>[] };
    // Three renamed copies of the list keep 699 models (renaming changes a few rules): over 3 × 228 = 684.
    const grown = JSON.stringify({ data: [0, 1, 2].flatMap((copy) => full.data.map((model) => ({ ...model, id: `${model.id as string}-copy${copy}` }))) });
    const upstream = await upstreamWith(grown);
    const strict = track(makeCatalogue(upstream.baseUrl));
    strict.catalogue.parts.scheduler.setEnabled(false);
    await strict.catalogue.start();
    const outcome = await strict.catalogue.refresh({ trigger: 'admin' });
    expect(outcome).toMatchObject({ kind: 'rejected-by-guard', guard: 'GROWN', currentCount: 228, fetchedCount: 699 });
    expect((await strict.catalogue.refresh({ trigger: 'admin', force: true })).kind).toBe('accepted');
    const lenient = track(makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  max_growth_factor: 3.1\n' }));
    lenient.catalogue.parts.scheduler.setEnabled(false);
    await lenient.catalogue.start();
    expect((await lenient.catalogue.refresh({ trigger: 'admin' })).kind).toBe('accepted');
  });
});

describe('single flight', () => {
  it('50 concurrent refreshes cause exactly one upstream request and share one outcome', async () => {
    const upstream = new FakeUpstream().route(MODELS, (_req, res) => setTimeout(() => res.end(snapshot('2026-06-16')), 100));
    await upstream.start();
    opened.push(upstream);
    const { catalogue } = track(makeCatalogue(upstream.baseUrl));
    await catalogue.start();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => catalogue.refresh({ trigger: 'admin' })));
    expect(upstream.count(MODELS)).toBe(1);
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]!.kind).toBe('accepted');
  });
});

describe('retries and the change feed', () => {
  it('schedules a retry no sooner than Retry-After on 503 and reports it', async () => {
    const upstream = await upstreamWith('{"error":"busy"}', 503, { 'retry-after': '120' });
    const { catalogue } = track(makeCatalogue(upstream.baseUrl, { retryBaseMs: 10, now: () => 1_000_000 }));
    await catalogue.start();
    await catalogue.refresh({ trigger: 'timer' });
    const report = catalogue.lastRefresh()!;
    expect(report).toMatchObject({ outcome: 'upstream-unavailable', trigger: 'timer' });
    expect(report.nextAttemptAt).toBeGreaterThanOrEqual(1_000_000 + 120_000);
  });

  it('records what changed between two accepted lists and persists the feed', async () => {
    let body = snapshot('2025-12-02');
    const upstream = new FakeUpstream().route(MODELS, (_req, res) => res.end(body));
    await upstream.start();
    opened.push(upstream);
    const dir = dataDir();
    const { catalogue } = track(makeCatalogue(upstream.baseUrl, { dataDir: dir, yaml: 'openrouter_integration:\n  max_shrink_fraction: 1\n' }));
    await catalogue.start();
    await catalogue.refresh({ trigger: 'admin' });
    const older = new Set(catalogue.current()!.configs.map((config) => config.modelName));
    body = snapshot('2026-06-16');
    const outcome = await catalogue.refresh({ trigger: 'admin' });
    if (outcome.kind !== 'accepted') throw new Error(outcome.message);
    const { diff } = outcome;
    expect(diff.fromVersion).toBe(diff.toVersion - 1);
    expect(diff.added.length).toBeGreaterThan(0);
    // Models the newer list no longer has are retired (served in their grace), not removed.
    expect(diff.retired.length).toBeGreaterThan(0);
    expect(diff.removed).toEqual([]);
    expect(diff.repriced.length + diff.tierFlips.length).toBeGreaterThan(0);
    const newer = catalogue.current()!.configs;
    const listed = new Set(newer.filter((config) => config.lifecycle !== 'retired').map((config) => config.modelName));
    for (const ref of diff.added) expect(older.has(ref.modelName)).toBe(false);
    for (const ref of diff.retired) expect(listed.has(ref.modelName)).toBe(false);
    expect(new Set(diff.retired.map((ref) => ref.modelName))).toEqual(new Set([...older].filter((name) => !listed.has(name))));
    expect(diff.added.length).toBe(newer.length - older.size);
    expect(catalogue.changes(1)).toEqual([diff]);
    const onDisk = await readSnapshot(dir);
    expect(onDisk!.changes.at(-1)).toEqual(diff);
  });
});

describe('force is never lost', () => {
  it('a forced call joining an unforced refresh that a guard rejects runs again, forced', async () => {
    const empty = JSON.stringify({ data: [{ id: 'acme/image-only', architecture: { output_modalities: ['image'] } }] });
    const upstream = new FakeUpstream().route(MODELS, (_req, res) => setTimeout(() => res.end(empty), 100));
    await upstream.start();
    opened.push(upstream);
    const { catalogue } = track(makeCatalogue(upstream.baseUrl));
    catalogue.parts.scheduler.setEnabled(false);
    await catalogue.start();
    const [plain, forced] = await Promise.all([catalogue.refresh({ trigger: 'timer' }), catalogue.refresh({ trigger: 'admin', force: true })]);
    expect(plain).toMatchObject({ kind: 'rejected-by-guard', guard: 'EMPTY' });
    expect(forced.kind).toBe('accepted');
    expect(upstream.count(MODELS)).toBe(2);
  });
});

describe('background refresh', () => {
  it('refreshes on its own every refresh_interval_hours after the startup refresh, and never when it is 0', async () => {
    const upstream = await upstreamWith(snapshot('2026-06-16'));
    // 0.0002 h = 720 ms (± 10% jitter).
    const periodic = track(makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  refresh_interval_hours: 0.0002\n' }));
    await periodic.catalogue.start();
    const started = Date.now();
    while (upstream.count(MODELS) < 3 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.count(MODELS)).toBeGreaterThanOrEqual(3);
    expect(periodic.catalogue.lastRefresh()).toMatchObject({ trigger: 'timer', outcome: 'accepted' });
    expect(periodic.catalogue.lastRefresh()!.nextAttemptAt).not.toBeNull();
    await periodic.close();

    const never = await upstreamWith(snapshot('2026-06-16'));
    const once = track(makeCatalogue(never.baseUrl, { yaml: 'openrouter_integration:\n  refresh_interval_hours: 0\n' }));
    await once.catalogue.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Only the startup refresh: with 0 there is no timer afterwards.
    expect(never.count(MODELS)).toBe(1);
    expect(once.catalogue.lastRefresh()).toMatchObject({ trigger: 'startup', nextAttemptAt: null });
  });
});
