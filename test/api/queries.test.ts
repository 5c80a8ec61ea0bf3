import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { execute, post } from '../support/api.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';
import { AutoPickQuery, CatalogueStatusQuery, ChangesQuery, ConfigByIdQuery, ConfigIdsQuery, SelectorQuery } from './operations.js';

const catalogue = new FakeCatalogue();
const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false });
const all = catalogue.version!.configs;

async function ids(variables: Parameters<typeof execute<unknown, object>>[2] = {}) {
  const { body } = await execute(app, ConfigIdsQuery, variables as never);
  expect(body.errors).toBeUndefined();
  return body.data!.llmConfigs;
}

describe('llmConfigs', () => {
  it('lists the whole catalogue in catalogue order by default: operator configs first', async () => {
    const configs = await ids();
    expect(configs.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(configs.slice(0, 2).map((c) => c.source)).toEqual(['OPERATOR_YAML', 'OPERATOR_YAML']);
    expect(configs).toHaveLength(230);
  });

  it.each([
    ['tier', { tier: 'FREE' }, (c: (typeof all)[number]) => c.billingTier === 'free'],
    ['routerPoolEligible', { routerPoolEligible: false }, (c: (typeof all)[number]) => !c.routerPoolEligible],
    ['source', { source: 'OPERATOR_YAML' }, (c: (typeof all)[number]) => c.source === 'yaml'],
    ['provider (case-insensitive)', { provider: 'openrouter' }, (c: (typeof all)[number]) => c.provider === 'OPENROUTER'],
    ['includeGated: false', { includeGated: false }, (c: (typeof all)[number]) => !c.healthGated],
    ['search on name and model name', { search: 'CLAUDE' }, (c: (typeof all)[number]) => /claude/i.test(c.name) || /claude/i.test(c.modelName)],
    ['search on model name only', { search: 'z-ai/' }, (c: (typeof all)[number]) => c.modelName.startsWith('z-ai/')],
  ])('filters by %s', async (_name, filter, predicate) => {
    const expected = all.filter(predicate).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect((await ids({ filter })).map((c) => c.id)).toEqual(expected);
  });

  it('combines filters with AND', async () => {
    const expected = all.filter((c) => c.billingTier === 'premium' && c.provider === 'OPENROUTER' && !c.healthGated && /gpt/i.test(c.name + c.modelName)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(1);
    expect((await ids({ filter: { tier: 'PREMIUM', provider: 'OPENROUTER', includeGated: false, search: 'gpt' } })).map((c) => c.id)).toEqual(expected);
    expect(await ids({ filter: { tier: 'FREE', source: 'OPERATOR_YAML', search: 'gpt' } })).toEqual([]);
  });

  it('orders by quality (ties in catalogue order), id and name', async () => {
    const byQuality = await ids({ orderBy: 'QUALITY_DESC' });
    const scores = byQuality.map((c) => c.qualityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const index = new Map(all.map((c, i) => [c.id, i]));
    for (let i = 1; i < byQuality.length; i += 1) {
      if (byQuality[i]!.qualityScore === byQuality[i - 1]!.qualityScore) expect(index.get(byQuality[i]!.id)!).toBeGreaterThan(index.get(byQuality[i - 1]!.id)!);
    }
    expect((await ids({ orderBy: 'ID' })).map((c) => c.id)).toEqual(all.map((c) => c.id).sort((a, b) => a - b));
    const names = (await ids({ orderBy: 'NAME' })).map((c) => c.name);
    expect(names).toEqual([...names].sort());
  });

  it('puts the Auto (Fastest) entry first only when asked and the catalogue is not empty', async () => {
    const withAuto = await ids({ includeAuto: true, filter: { tier: 'FREE' } });
    expect(withAuto[0]).toMatchObject({ id: 0, name: 'Auto (Fastest)', source: 'AUTO' });
    expect(withAuto.filter((c) => c.id === 0)).toHaveLength(1);
    const empty = createApp({ catalogue: new FakeCatalogue(null), adminToken: null, logger: silentLogger, graphiql: false });
    expect((await execute(empty, ConfigIdsQuery, { includeAuto: true })).body).toEqual({ data: { llmConfigs: [] } });
  });

  it('serves the selector query with health where known', async () => {
    const { body } = await execute(app, SelectorQuery, {});
    const configs = body.data!.llmConfigs;
    expect(configs[2]!.health).toEqual({ score: 99.5 });
    expect(configs[3]!).toMatchObject({ healthGated: true, health: { score: null } });
    expect(configs[0]!.pricing).toEqual({ prompt: 1.25, completion: 10 });
    expect(configs.filter((c) => c.health !== null)).toHaveLength(2);
  });

  it('rejects an over-long search with BAD_USER_INPUT', async () => {
    const { body } = await execute(app, ConfigIdsQuery, { filter: { search: 'x'.repeat(201) } });
    expect(body).toMatchObject({ data: null, errors: [{ message: 'filter.search is longer than 200 characters', extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('llmConfig', () => {
  it('returns one config with its score breakdown and health facts', async () => {
    const target = all[2]!;
    const { body } = await execute(app, ConfigByIdQuery, { id: target.id });
    const config = body.data!.llmConfig!;
    expect(config.health).toMatchObject({ gated: false, gateReason: null, score: 99.5, checkedAt: '2026-11-24T00:00:00.000Z', fromCache: false });
    const b = config.scoreBreakdown;
    expect(b.prestige + b.recency + b.priceBand + b.context + b.capabilities + b.penalty + b.operatorBonus).toBe(b.staticTotal);
    expect(b).toMatchObject({ staticTotal: target.qualityScoreStatic, health: 99.5, healthWeight: 0.5, qualityScore: target.qualityScore });
  });

  it('explains an operator config and a gated one', async () => {
    const operator = (await execute(app, ConfigByIdQuery, { id: -1 })).body.data!.llmConfig!;
    expect(operator).toMatchObject({ source: 'OPERATOR_YAML', tier: 'PREMIUM', isPremium: true, autoPinTier: 'A', litellmParams: { max_input_tokens: 272000 } });
    expect(operator.scoreBreakdown).toMatchObject({ prestige: 50, operatorBonus: 20, priceBand: 12, context: 6, staticTotal: 88 });
    const gated = (await execute(app, ConfigByIdQuery, { id: all[3]!.id })).body.data!.llmConfig!;
    expect(gated.health).toMatchObject({ gated: true, gateReason: 'NO_OK_ENDPOINT', okEndpointCount: 0 });
    expect(gated.scoreBreakdown.health).toBeNull();
  });

  it('returns null for an unknown id, and the Auto entry for 0', async () => {
    expect((await execute(app, ConfigByIdQuery, { id: 12345 })).body).toEqual({ data: { llmConfig: null } });
    expect((await execute(app, ConfigByIdQuery, { id: 0 })).body.data!.llmConfig).toMatchObject({ id: 0, source: 'AUTO' });
  });

  it('rejects a wrong argument type with a clear error', async () => {
    const { body } = await post(app, { query: 'query { llmConfig(id: "abc") { id } }' });
    expect(body.errors![0]!.message).toMatch(/Int cannot represent non-integer value: "abc"/);
  });
});

describe('catalogue status, changes and autoPick', () => {
  it('reports version, origin and counts', async () => {
    const { body } = await execute(app, CatalogueStatusQuery);
    expect(body.data!.catalogue).toMatchObject({
      ready: true,
      version: 1,
      etag: 'etag-1',
      origin: 'LIVE',
      refreshedAt: '2026-11-24T00:00:00.000Z',
      counts: { total: 230, free: 18, premium: 212, operatorYaml: 2, openRouter: 228, gated: 1 },
    });
  });

  it('lists change records newest first and validates `last`', async () => {
    const local = new FakeCatalogue();
    local.publish(fixtureVersion({ version: 2 }));
    const next = { ...fixtureVersion({ version: 3 }) };
    local.publish({ ...next, configs: next.configs.slice(1), byId: new Map(next.configs.slice(1).map((c) => [c.id, c])) });
    const localApp = createApp({ catalogue: local, adminToken: null, logger: silentLogger, graphiql: false });
    const { body } = await execute(localApp, ChangesQuery, { last: 5 });
    expect(body.data!.catalogueChanges.map((c) => c.toVersion)).toEqual([3, 2]);
    expect(body.data!.catalogueChanges[0]!.removed).toEqual([{ id: -1 }]);
    for (const last of [0, -1, 51]) {
      expect((await execute(localApp, ChangesQuery, { last })).body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('previews Auto (Fastest) deterministically', async () => {
    const local = new FakeCatalogue(fixtureVersion({ apiKey: 'sk-or-some-key' }));
    const localApp = createApp({ catalogue: local, adminToken: null, logger: silentLogger, graphiql: false });
    const first = (await execute(localApp, AutoPickQuery, { threadId: 'thread-42', premiumEligible: true })).body.data!.autoPick!;
    const again = (await execute(localApp, AutoPickQuery, { threadId: 'thread-42', premiumEligible: true })).body.data!.autoPick!;
    expect(again).toEqual(first);
    // The Azure config has a key and is tier A, so it is the only candidate of its tier lock.
    expect(first).toMatchObject({ tierLocked: true, pool: [{ id: -1 }], chosen: { id: -1 }, index: 0 });
    const free = (await execute(localApp, AutoPickQuery, { threadId: 'thread-42', premiumEligible: false })).body.data!.autoPick!;
    expect(free.tierLocked).toBe(false);
    expect(free.pool).toHaveLength(5);
    expect(free.reason).toContain('every usable model competes');
  });
});
