import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoPick } from '../src/catalogue/auto-pick.js';
import { buildCatalogue } from '../src/catalogue/build.js';
import type { RefreshOutcome } from '../src/catalogue/refresh-types.js';
import { withRetired } from '../src/catalogue/retirement.js';
import { configAuthor } from '../src/catalogue/model-family.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import type { CatalogueVersion } from '../src/catalogue/version.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsPayload } from '../src/openrouter/models-payload.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';
import { readFixtureBytes } from './support/fixtures.js';
import { FakeUpstream } from './support/upstream.js';

/**
 * Retirement over real lists: 2025-12-02, then 2026-06-16, then 2025-12-02 again, on a catalogue with a
 * clock the test moves. What retires is computed here from what each version lists; the grace is the
 * default 7 days.
 */

const MODELS = '/api/v1/models';
const DAY_MS = 86_400_000;
const YAML = 'openrouter_integration:\n  api_key: test-key\n  max_shrink_fraction: 0.6\n';
const list = (date: string) => readFixtureBytes('openrouter', `models-${date}.json`);

const opened: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.stop();
});

interface Harness {
  readonly test: TestCatalogue;
  readonly upstream: FakeUpstream;
  serve(body: Buffer | string): void;
  advance(ms: number): void;
  now(): number;
  refresh(force?: boolean): Promise<RefreshOutcome>;
}

async function harness(dataDir: string | null = null, start = Date.UTC(2026, 5, 17)): Promise<Harness> {
  let body: Buffer | string = list('2025-12-02');
  let clock = start;
  const upstream = new FakeUpstream().route(MODELS, (_req, res) => res.end(body));
  await upstream.start();
  opened.push(upstream);
  const test = makeCatalogue(upstream.baseUrl, { yaml: YAML, dataDir, now: () => clock });
  opened.push({ stop: test.close });
  test.catalogue.parts.scheduler.setEnabled(false);
  await test.catalogue.start();
  return {
    test,
    upstream,
    serve: (next) => (body = next),
    advance: (ms) => (clock += ms),
    now: () => clock,
    refresh: async (force = false) => {
      const outcome = await test.catalogue.refresh({ trigger: 'admin', force });
      if (outcome.kind !== 'accepted' && !force) return outcome;
      expect(outcome.kind).toBe('accepted');
      return outcome;
    },
  };
}

const listed = (version: CatalogueVersion) => version.configs.filter((config) => config.source === 'openrouter' && config.lifecycle !== 'retired');
const retired = (version: CatalogueVersion) => version.configs.filter((config) => config.lifecycle === 'retired');
const names = (configs: readonly CatalogueConfig[]) => new Set(configs.map((config) => config.modelName));
const accepted = (outcome: RefreshOutcome) => {
  if (outcome.kind !== 'accepted') throw new Error(`not accepted: ${outcome.message}`);
  return outcome;
};

describe('retirement over real lists: 2025-12-02, then 2026-06-16, then back', () => {
  it('retires what the newer list lost, names successors, never lets Auto pick a retired model, reinstates with the same ids, and removes after the grace', async () => {
    const h = await harness();
    const first = accepted(await h.refresh()).version;
    expect(first.origin).toBe('live');
    // The bundled snapshot served at startup is a stand-in: what it had and this list does not is not retired.
    expect(retired(first)).toEqual([]);

    h.serve(list('2026-06-16'));
    h.advance(3_600_000);
    const toNewer = accepted(await h.refresh());
    const second = toNewer.version;
    const gone = [...names(listed(first))].filter((name) => !names(listed(second)).has(name));
    expect(gone).toHaveLength(62);
    expect(names(retired(second))).toEqual(new Set(gone));
    expect(new Set(toNewer.diff.retired.map((ref) => ref.modelName))).toEqual(new Set(gone));
    expect(toNewer.diff.removed).toEqual([]);
    expect(second.counts).toMatchObject({ retired: 62, openRouter: 228 + 62 });
    // A retired model keeps its id, its tier and its scores' inputs; it is served as RETIRED since the fetch.
    const firstById = new Map(listed(first).map((config) => [config.modelName, config]));
    for (const config of retired(second)) {
      expect(config.id).toBe(firstById.get(config.modelName)!.id);
      expect(config.billingTier).toBe(firstById.get(config.modelName)!.billingTier);
      expect(config.retiredAt).toBe(h.now());
    }
    expect(new Set(second.configs.map((config) => config.id)).size).toBe(second.configs.length);

    // Successors: the newest listed model of the same author and family, released after the retired one.
    const successorOf = (name: string) => {
      const config = retired(second).find((c) => c.modelName === name)!;
      return config.successorId === null ? null : second.byId.get(config.successorId)!.modelName;
    };
    expect(successorOf('anthropic/claude-3.5-sonnet')).toBe('anthropic/claude-sonnet-4.6');
    expect(successorOf('anthropic/claude-3.7-sonnet')).toBe('anthropic/claude-sonnet-4.6');
    expect(successorOf('anthropic/claude-3-opus')).toBe('anthropic/claude-opus-4.8');
    expect(successorOf('x-ai/grok-3')).toBe('x-ai/grok-4.3');
    expect(successorOf('google/gemini-3-pro-preview')).toBe('google/gemini-3.1-pro-preview');
    expect(successorOf('mistralai/mistral-large-2411')).toBe('mistralai/mistral-large-2512');
    expect(successorOf('z-ai/glm-4.6:exacto')).toBeNull();
    expect(successorOf('openai/codex-mini')).toBeNull();
    const withSuccessor = retired(second).filter((config) => config.successorId !== null);
    expect(withSuccessor.length).toBeGreaterThanOrEqual(15);
    for (const config of withSuccessor) {
      const successor = second.byId.get(config.successorId!)!;
      expect(successor.lifecycle).not.toBe('retired');
      expect(configAuthor(successor)!.slug).toBe(configAuthor(config)!.slug);
      expect(successor.releasedAt!).toBeGreaterThan(config.releasedAt!);
    }
    expect(toNewer.diff.retired.find((ref) => ref.modelName === 'x-ai/grok-3')!.successor).toMatchObject({ modelName: 'x-ai/grok-4.3' });

    // Auto never picks a retired model, though some would make its pool were they listed.
    const asListed = second.configs.map((config) => (config.lifecycle === 'retired' ? { ...config, lifecycle: 'active' as const } : config));
    const retiredIds = new Set(retired(second).map((config) => config.id));
    let wouldPick = 0;
    for (let thread = 0; thread < 300; thread += 1) {
      for (const premiumEligible of [true, false]) {
        const pick = autoPick(second.configs, { threadId: `thread-${thread}`, premiumEligible });
        expect(retiredIds.has(pick.chosen!.id)).toBe(false);
        expect(pick.pool.some((config) => retiredIds.has(config.id))).toBe(false);
        if (autoPick(asListed, { threadId: `thread-${thread}`, premiumEligible }).pool.some((config) => retiredIds.has(config.id))) wouldPick += 1;
      }
    }
    expect(wouldPick).toBeGreaterThan(0);

    // Back to the older list: the 62 are listed again with the same ids; what only the newer list had retires.
    h.serve(list('2025-12-02'));
    h.advance(3_600_000);
    const back = accepted(await h.refresh());
    const third = back.version;
    expect(new Set(back.diff.reinstated.map((ref) => ref.modelName))).toEqual(new Set(gone));
    for (const name of gone) expect(third.configs.find((config) => config.modelName === name)!.id).toBe(firstById.get(name)!.id);
    expect(back.diff.added).toEqual([]);
    const goneAgain = [...names(listed(second))].filter((name) => !names(listed(third)).has(name));
    expect(goneAgain).toHaveLength(124);
    expect(names(retired(third))).toEqual(new Set(goneAgain));
    const retiredAt = h.now();

    // Within the grace they stay; once it is over the next refresh removes them.
    h.advance(7 * DAY_MS - 60_000);
    const within = accepted(await h.refresh()).version;
    expect(names(retired(within))).toEqual(new Set(goneAgain));
    h.advance(60_000);
    expect(h.now()).toBe(retiredAt + 7 * DAY_MS);
    const after = accepted(await h.refresh());
    expect(retired(after.version)).toEqual([]);
    expect(new Set(after.diff.removed.map((ref) => ref.modelName))).toEqual(new Set(goneAgain));
    expect(after.version.counts).toMatchObject({ retired: 0, openRouter: 166 });
  });

  it('a retired-but-served model never hides a shrunk list: the guard compares the fetched list with the listed models only', async () => {
    const h = await harness();
    accepted(await h.refresh());
    h.serve(list('2026-06-16'));
    const served = accepted(await h.refresh()).version;
    expect(served.counts.retired).toBe(62);
    // A list that lost most of its models: 60 of the 2026-06 objects.
    const full = JSON.parse(list('2026-06-16').toString('utf8')) as { data: Record<string, unknown>[] };
    h.serve(JSON.stringify({ data: full.data.slice(0, 60) }));
    const refused = await h.refresh();
    expect(refused).toMatchObject({ kind: 'rejected-by-guard', guard: 'SHRUNK', currentCount: 228 });
    if (refused.kind !== 'rejected-by-guard') throw new Error('not refused');
    expect(refused.fetchedCount).toBeLessThan(60);
    expect(h.test.catalogue.current()).toBe(served);
    // Forced, what the list lost retires too; the next identical list is compared with what it lists, not with what is retired.
    const forced = accepted(await h.refresh(true)).version;
    expect(forced.counts.retired).toBe(62 + 228 - refused.fetchedCount);
    expect(accepted(await h.refresh()).version.counts.retired).toBe(forced.counts.retired);
  });

  it('retirements survive a restart: the persisted catalogue serves them with their ids, times and successors, and a later list does not retire them again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'retirement-'));
    const before = await harness(dataDir);
    accepted(await before.refresh());
    before.serve(list('2026-06-16'));
    before.advance(3_600_000);
    const served = accepted(await before.refresh()).version;
    await before.test.close();

    const after = await harness(dataDir, before.now() + DAY_MS);
    const restored = after.test.catalogue.current()!;
    expect(restored.origin).toBe('persisted');
    expect(restored.etag).toBe(served.etag);
    const shape = (version: CatalogueVersion) => retired(version).map(({ id, modelName, retiredAt, successorId, lifecycle }) => ({ id, modelName, retiredAt, successorId, lifecycle }));
    expect(shape(restored)).toEqual(shape(served));
    after.serve(list('2026-06-16'));
    const again = accepted(await after.refresh());
    expect(shape(again.version)).toEqual(shape(served));
    expect(again.diff.retired).toEqual([]);
  });

  it('with retirement_grace_days: 0 a model that leaves the list is removed at once, as before', async () => {
    let body: Buffer = list('2025-12-02');
    const upstream = new FakeUpstream().route(MODELS, (_req, res) => res.end(body));
    await upstream.start();
    opened.push(upstream);
    const test = makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  retirement_grace_days: 0\n' });
    opened.push({ stop: test.close });
    await test.catalogue.start();
    accepted(await test.catalogue.refresh({ trigger: 'admin' }));
    body = list('2026-06-16');
    const outcome = accepted(await test.catalogue.refresh({ trigger: 'admin' }));
    expect(outcome.diff.retired).toEqual([]);
    expect(outcome.diff.removed).toHaveLength(62);
    expect(outcome.version.counts.retired).toBe(0);
  });
});

describe('lifecycle of listed models, at the clock the version is made', () => {
  it('2026-06-16 at 2026-06-17: models released in the last 14 days are NEW, those OpenRouter stops serving within 30 days EXPIRING', async () => {
    const h = await harness(null, Date.UTC(2026, 5, 17));
    accepted(await h.refresh());
    h.serve(list('2026-06-16'));
    const outcome = accepted(await h.refresh());
    const raw = (JSON.parse(list('2026-06-16').toString('utf8')) as { data: { id: string; created: number; expiration_date: string | null }[] }).data;
    const byId = new Map(raw.map((model) => [model.id, model]));
    const now = h.now();
    const served = listed(outcome.version);
    const expiring = served.filter((config) => {
      const day = byId.get(config.modelName)!.expiration_date;
      return day !== null && Date.parse(`${day}T00:00:00Z`) - now <= 30 * DAY_MS;
    });
    const isNew = served.filter((config) => !expiring.includes(config) && now - byId.get(config.modelName)!.created * 1000 <= 14 * DAY_MS);
    expect(expiring.length).toBeGreaterThan(0);
    expect(isNew.length).toBeGreaterThan(0);
    expect(served.filter((config) => config.lifecycle === 'expiring')).toEqual(expiring);
    expect(served.filter((config) => config.lifecycle === 'new')).toEqual(isNew);
    expect(served.find((config) => config.modelName === 'z-ai/glm-5.2')!.lifecycle).toBe('new');
    expect(new Set(outcome.diff.expiring.map((ref) => ref.modelName))).toEqual(names(expiring));
    for (const ref of outcome.diff.expiring) expect(ref.expiresAt).toBe(Date.parse(`${byId.get(ref.modelName)!.expiration_date}T00:00:00Z`));
  });
});

describe('withRetired', () => {
  const NOW = 1_795_478_400;
  const model = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, created: NOW - 100 * 86_400, context_length: 200_000, architecture: { output_modalities: ['text'] }, supported_parameters: ['tools'], pricing: { prompt: '0.000001', completion: '0.000002' }, ...extra });

  it('names an alias’s target as its successor, and never serves a retired model under an id a listed config holds', () => {
    const operator = parseOperatorConfig('global_llm_configs:\n  - { id: -77, name: Pinned, provider: azure, model_name: x }\n', 'test.yaml');
    const listedNow = buildCatalogue(operator, parseModelsPayload({ data: [model('acme/pro-2'), model('acme/other')] }), NOW);
    const gone = parseModelsPayload({ data: [model('~acme/pro-latest', { alias_target: { slug: 'acme/pro-2' } }), model('acme/pro-1', { created: NOW - 400 * 86_400 }), model('acme/clash')] }).models;
    const records = [
      { model: gone[0]!, id: -5, retiredAt: NOW * 1000 - 1000 },
      { model: gone[1]!, id: -6, retiredAt: NOW * 1000 - 1000 },
      { model: gone[2]!, id: -77, retiredAt: NOW * 1000 - 1000 },
    ];
    const served = withRetired(listedNow, records, operator.openRouter, NOW);
    const pro2 = listedNow.configs.find((config) => config.modelName === 'acme/pro-2')!;
    expect(served.configs.filter((config) => config.lifecycle === 'retired').map((config) => [config.modelName, config.id, config.successorId])).toEqual([
      ['~acme/pro-latest', -5, pro2.id],
      ['acme/pro-1', -6, pro2.id],
    ]);
    expect(served.retired.map((record) => record.id)).toEqual([-5, -6]);
    // Past the grace (7 days by default), none is served.
    expect(withRetired(listedNow, records, operator.openRouter, NOW + 7 * 86_400).retired).toEqual([]);
  });
});
