import { buildSchema, getNamedType, GraphQLObjectType, GraphQLSchema, GraphQLString, isLeafType, isObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, parse, execute as executeWithGraphQLJs } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { makeVersion } from '../../src/catalogue/version.js';
import { PreparedOperations } from '../../src/execution/prepared-operations.js';
import { silentLogger } from '../../src/logger.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';
import { readFileSync } from 'node:fs';

/**
 * Prepared execution (graphql-jit, serialised fragments, our result writer) must answer exactly as
 * Yoga's own executor and `JSON.stringify` do: the same status, bytes and headers for every kind of
 * selection the fragments touch, across catalogue versions, and for whatever the guards send back to
 * ordinary execution.
 */

/** Every field of LlmConfig, nested objects included, from the committed schema (fields added later are covered too). */
function everyField(): string {
  const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  // A type already being selected (a config's `successor` and `aliasOf` are configs) is selected by its `__typename` alone.
  const select = (type: GraphQLObjectType, path: ReadonlySet<GraphQLObjectType>): string =>
    Object.values(type.getFields())
      .filter((field) => field.args.length === 0)
      .map((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return field.name;
        if (!isObjectType(named)) return '';
        return `${field.name} { ${path.has(named) ? '__typename' : select(named, new Set([...path, named]))} }`;
      })
      .join(' ');
  const config = schema.getType('LlmConfig') as GraphQLObjectType;
  return select(config, new Set([config]));
}

const SELECTOR = 'id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score gated gateReason checkedAt }';

const CASES: Record<string, { query: string; variables?: Record<string, unknown>; operationName?: string }> = {
  'every field of every config': { query: `{ llmConfigs(includeAuto: true) { ${everyField()} } }` },
  'selector, filtered by variables': { query: `query S($f: LlmConfigFilter) { llmConfigs(filter: $f) { ${SELECTOR} } }`, variables: { f: { tier: 'FREE', search: 'a' } } },
  'selector, a search matching nothing': { query: `query S($f: LlmConfigFilter) { llmConfigs(filter: $f) { ${SELECTOR} } }`, variables: { f: { search: 'no such model anywhere' } } },
  'orders and the Auto entry': { query: `{ q: llmConfigs(orderBy: QUALITY_DESC) { id qualityScore } n: llmConfigs(orderBy: NAME, includeAuto: true) { id name } }` },
  'two selections of one list under aliases': { query: '{ a: llmConfigs(filter: { tier: FREE }) { id n: name } b: llmConfigs { id tier isPremium } }' },
  'fragments, inline fragments and __typename': {
    query: 'query Q { __typename llmConfigs { ...F __typename } one: llmConfig(id: -1) { ...F } } fragment F on LlmConfig { id ... on LlmConfig { name } pricing { ...P } } fragment P on Pricing { prompt __typename }',
  },
  'constant @skip and @include': { query: '{ llmConfigs { id name @skip(if: true) tier @include(if: true) } gone: llmConfigs @skip(if: true) { id } catalogue { version } }' },
  '@include with a variable inside a config': { query: 'query V($full: Boolean!) { llmConfigs { id name @include(if: $full) } }', variables: { full: false } },
  '@include with a variable on the list': { query: 'query V($on: Boolean!) { llmConfigs @include(if: $on) { id } }', variables: { on: true } },
  'lookups: a config, an unknown id, Auto': { query: `query L($id: Int!) { a: llmConfig(id: $id) { ${SELECTOR} } b: llmConfig(id: 12345) { id } c: llmConfig(id: 0) { id name source } }`, variables: { id: -1 } },
  'configs inside another object (autoPick)': { query: '{ autoPick(threadId: "t-1", premiumEligible: true) { index chosen { id name } pool { id tier } reason } }' },
  'a status with configs': { query: '{ catalogue { version ready counts { total free } } llmConfigs { id } }' },
  'an error beside data': { query: `{ catalogue { version } llmConfigs(filter: { search: "${'x'.repeat(201)}" }) { id } }` },
  'a nullable field failing beside configs': { query: '{ changes: catalogueChanges(last: 0) { toVersion } llmConfigs { id } }' },
  'one operation of several': { query: 'query A { llmConfigs { id } } query B { llmConfig(id: -2) { id name } }', operationName: 'B' },
};

describe('prepared execution answers exactly as Yoga executes', () => {
  const preparedCatalogue = new FakeCatalogue();
  const plainCatalogue = new FakeCatalogue();
  const prepared = createApp({ catalogue: preparedCatalogue, adminToken: null, logger: silentLogger, graphiql: false, limits: { pointsPerSecond: 0 } });
  const plain = createApp({ catalogue: plainCatalogue, adminToken: null, logger: silentLogger, graphiql: false, preparedExecution: false, limits: { pointsPerSecond: 0 } });

  // Prepared execution loads with the first query; these tests are about it, so it is loaded first.
  beforeAll(() => prepared.prepared!.load());

  const send = async (app: typeof prepared, payload: (typeof CASES)[string], accept = 'application/json') => {
    const response = await app.yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept, 'x-request-id': 'parity' }, body: JSON.stringify(payload) });
    return { status: response.status, headers: Object.fromEntries([...response.headers].filter(([name]) => name !== 'date')), body: await response.text() };
  };

  it.each(Object.keys(CASES))('%s', async (name) => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      // Three sightings: fragments made, fragments reused, and the response cache's keeping.
      for (let sighting = 1; sighting <= 3; sighting += 1) expect(await send(prepared, CASES[name]!, accept), `${accept}, sighting ${sighting}`).toEqual(await send(plain, CASES[name]!, accept));
    }
  });

  it('made fragments, and answers a new version (new objects) from new ones', async () => {
    expect(prepared.prepared!.current!.stats().bytes).toBeGreaterThan(0);
    const query = { query: `{ llmConfigs { ${SELECTOR} } }` };
    const before = await send(prepared, query);
    const next = fixtureVersion({ version: 2 });
    const renamed = makeVersion({ ...next, configs: next.configs.map((config) => Object.freeze({ ...config, name: `${config.name} (v2)` })) });
    preparedCatalogue.publish(renamed);
    plainCatalogue.publish(renamed);
    const after = await send(prepared, query);
    expect(after).toEqual(await send(plain, query));
    expect(after.body).toContain('(v2)');
    expect(before.body).not.toContain('(v2)');
  });
});

describe('what never becomes a serialised fragment', () => {
  let clock = 1;
  const Item = new GraphQLObjectType<{ id: number }, { who: string }>({
    name: 'Item',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      asker: { type: GraphQLString, resolve: (_item, _args, context) => context.who },
      tick: { type: GraphQLInt, resolve: () => clock },
      greeting: { type: GraphQLString, args: { to: { type: GraphQLString } }, resolve: (_item, { to }) => `hi ${to}` },
    },
  });
  const ITEMS = [Object.freeze({ id: 1 }), Object.freeze({ id: 2 })];
  const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { items: { type: new GraphQLList(Item), resolve: () => ITEMS } } }) });
  const operations = new PreparedOperations(schema, { immutableTypes: ['Item'], clockDependent: ['Item.tick'] });

  const run = async (source: string, context: { who: string }, variables: Record<string, unknown> = {}) => {
    const document = parse(source);
    const result = (await operations.prepare(document, undefined).execute(undefined, context, variables)) as { stringify: (r: unknown) => Buffer };
    const expected = JSON.stringify(await executeWithGraphQLJs({ schema, document, contextValue: context, variableValues: variables }));
    expect(result.stringify(result).toString('utf8')).toBe(expected);
  };

  it('a field that reads the context is answered for each request', async () => {
    await run('{ items { id asker } }', { who: 'alice' });
    await run('{ items { id asker } }', { who: 'bob' });
  });

  it('a clock-dependent field is answered afresh', async () => {
    await run('{ items { id tick } }', { who: 'a' });
    clock = 2;
    await run('{ items { id tick } }', { who: 'a' });
  });

  it('a selection with variables is answered with each request’s values', async () => {
    await run('query G($to: String) { items { id greeting(to: $to) } }', { who: 'a' }, { to: 'you' });
    await run('query G($to: String) { items { id greeting(to: $to) } }', { who: 'a' }, { to: 'them' });
  });

  it('a fixed selection is kept and reused', async () => {
    await run('{ items { id greeting(to: "all") } }', { who: 'a' });
    const bytes = operations.stats().bytes;
    expect(bytes).toBeGreaterThan(0);
    await run('{ items { id greeting(to: "all") } }', { who: 'a' });
    expect(operations.stats().bytes).toBe(bytes);
  });

  it('fragments past the byte budget are forgotten, and answers stay right', async () => {
    const small = new PreparedOperations(schema, { immutableTypes: ['Item'], maxBytes: 40 });
    for (let round = 0; round < 5; round += 1) {
      for (const selection of ['id', 'id greeting(to: "a")', 'greeting(to: "b") id']) {
        const document = parse(`{ items { ${selection} } }`);
        const result = (await small.prepare(document, undefined).execute(undefined, { who: 'a' }, {})) as { stringify: (r: unknown) => Buffer };
        expect(result.stringify(result).toString('utf8')).toBe(JSON.stringify(await executeWithGraphQLJs({ schema, document, contextValue: { who: 'a' } })));
        expect(small.stats().bytes).toBeLessThanOrEqual(40);
      }
    }
  });
});
