import { createComplexityRule } from '@pothos/plugin-complexity';
import { parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createApp, QUERY_LIMITS } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { schema } from '../../src/schema/index.js';
import { post } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { SelectorDetailsQuery, SelectorQuery } from './operations.js';

/** The cost the HTTP layer charges a document (src/http/query-cost.ts uses the same rule and the schema's declared sizes). */
function costOf(document: DocumentNode | string): number {
  let cost = -1;
  const rule = createComplexityRule({ context: {}, variableValues: {}, maxComplexity: Number.MAX_SAFE_INTEGER, onResult: (state) => void (cost = state.complexity) });
  expect(validate(schema, typeof document === 'string' ? parse(document) : document, [rule])).toEqual([]);
  return cost;
}

/** What a picker like LobeChat's or OpenRouter's own shows per model, with the cost of a typical request. */
const PICKER = `{ llmConfigs(includeAuto: true, filter: { lifecycle: [ACTIVE, NEW, EXPIRING] }) {
  id name modelName tier contextLength maxCompletionTokens lifecycle releasedAt expiresAt inputModalities qualityScore healthGated
  author { name } pricing { prompt completion inputCacheRead } capabilities { list reasoning { efforts } }
  benchmarks(source: ARTIFICIAL_ANALYSIS) { index value } estimateCost(promptTokens: 10000, completionTokens: 1000)
} }`;

const app = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false });

describe('query cost with what a selector shows', () => {
  it('the original selector query costs what it did; a picker showing the new fields stays well under the limit', () => {
    expect(costOf(SelectorQuery as unknown as DocumentNode)).toBe(1 + 250 * 15);
    const picker = costOf(PICKER);
    expect(picker).toBeLessThan(QUERY_LIMITS.maxCost / 2);
    // 12 scalars, author 2, pricing 4, capabilities 4, benchmarks of one source 1 + 3 × 2, estimateCost 1.
    expect(picker).toBe(1 + 250 * (12 + 2 + 4 + 4 + 7 + 1));
    // Every field this test suite's selector-details document asks for, for every config.
    expect(costOf(SelectorDetailsQuery as unknown as DocumentNode)).toBeLessThan(QUERY_LIMITS.maxCost);
  });

  it('lists count at their size: all benchmark results (up to 10) cost more than one source’s', () => {
    const one = costOf('{ llmConfigs { benchmarks(source: ARTIFICIAL_ANALYSIS) { value } } }');
    const all = costOf('{ llmConfigs { benchmarks { value } } }');
    expect(one).toBe(1 + 250 * (1 + 3));
    expect(all).toBe(1 + 250 * (1 + 10));
  });

  it.each([
    ['30 aliases of the list with its benchmarks', `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: llmConfigs { benchmarks { index value rank } }`).join(' ')} }`],
    ['every field of every config', print(SelectorDetailsQuery as unknown as DocumentNode).replace('benchmarks(source: ARTIFICIAL_ANALYSIS)', 'benchmarks').replace('llmConfigs(filter: $filter, orderBy: $orderBy) {', 'llmConfigs(filter: $filter, orderBy: $orderBy) { scoreBreakdown { prestige recency priceBand context capabilities penalty operatorBonus staticTotal health healthWeight qualityScore } health { gated gateReason score bestUptimePct uptimeWindow freshnessPct freshnessWindow endpointCount okEndpointCount checkedAt fromCache } description litellmParams systemInstructions')],
  ])('refuses %s before anything resolves', async (_name, query) => {
    const { status, body } = await post(app, { query }, { accept: 'application/graphql-response+json' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_COMPLEXITY');
  });

  it('answers every field of every config where the operator raised MAX_QUERY_COST', async () => {
    const everything = print(SelectorDetailsQuery as unknown as DocumentNode).replace('benchmarks(source: ARTIFICIAL_ANALYSIS)', 'benchmarks');
    const cost = costOf(everything);
    expect(cost).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect((await post(app, { query: everything })).body.errors?.[0]?.extensions?.code).toBe('QUERY_COMPLEXITY');
    const raised = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false, maxQueryCost: cost });
    const { status, body } = await post(raised, { query: everything });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect((body.data as { llmConfigs: unknown[] }).llmConfigs.length).toBeGreaterThan(0);
  });

  it('successors of successors are bounded by the depth limit', async () => {
    const chain = (levels: number) => `{ llmConfigs { ${'successor { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
    expect((await post(app, { query: chain(13) })).body.errors).toBeUndefined();
    expect((await post(app, { query: chain(15) })).body.errors?.[0]?.message).toMatch(/Query depth limit of 15 exceeded/);
  });
});
