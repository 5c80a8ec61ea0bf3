import { createComplexityRule } from '@pothos/plugin-complexity';
import { parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compact } from '../console/src/api/compact.js';
import * as documents from '../console/src/api/gql/graphql.js';
import { COST_PER_POINT, DEFAULT_HTTP_LIMITS, DOCUMENT_CHARS_PER_POINT } from '../src/http/client-limits.js';
import { schema } from '../src/schema/index.js';

/**
 * The console's documents as the page sends them (console/src/api/compact.ts), and what a first visit
 * costs a client address under the default per-client budget (the browser test in
 * test/browser/console.test.ts proves it on a real server; this one says where the points go).
 */

const operations = Object.entries(documents).filter(([name]) => name.endsWith('Document')) as [string, { toString(): string }][];

/** Example variables for every operation (the cost does not depend on their values). */
const VARIABLES = { threadId: 't', premiumEligible: true, last: 50, id: -1, promptTokens: 10_000, completionTokens: 1_000, cachedPromptTokens: 0, at: '2026-11-26T00:00:00.000Z', force: false };

function costOf(text: string): number {
  let cost = -1;
  const rule = createComplexityRule({ context: {}, variableValues: VARIABLES, maxComplexity: Number.MAX_SAFE_INTEGER, onResult: (state) => void (cost = state.complexity) });
  expect(validate(schema, parse(text), [rule])).toEqual([]);
  return cost;
}

/** Points a client spends on an operation of a document the server has not seen yet. */
const firstSighting = (document: { toString(): string }) => 1 + Math.ceil(compact(document).length / DOCUMENT_CHARS_PER_POINT) + Math.floor(costOf(compact(document)) / COST_PER_POINT);

describe("the console's documents", () => {
  it.each(operations)('%s: compacted, it is the same document, valid against the schema', (_name, document) => {
    const sent = compact(document);
    expect(print(parse(sent))).toBe(print(parse(document.toString())));
    expect(sent).not.toMatch(/\s[{}():,!=$@[\]|]|[{}():,!=$@[\]|]\s|\s\s|\n/);
    costOf(sent);
  });

  it('a first visit to every view, on a server that has seen none of them, stays within one window of the default budget', () => {
    // The page, its stylesheet, its script, the chunk it preloads and the charts chunk: one point each.
    const files = 5;
    const visit = files + firstSighting(documents.ConsoleCatalogueDocument) + firstSighting(documents.ConsoleCatalogueUpdatedDocument) + firstSighting(documents.ConsoleChangesDocument);
    const budget = DEFAULT_HTTP_LIMITS.pointsPerSecond * DEFAULT_HTTP_LIMITS.windowSeconds;
    // Room left for a model's details (one point on arrival): a request is refused only once the window is spent.
    expect(visit).toBeLessThan(budget);
    // Where the points go, for the README's figures.
    expect({ list: Math.floor(costOf(compact(documents.ConsoleCatalogueDocument)) / COST_PER_POINT), changes: Math.floor(costOf(compact(documents.ConsoleChangesDocument)) / COST_PER_POINT), visit }).toMatchInlineSnapshot(`
      {
        "changes": 70,
        "list": 60,
        "visit": 192,
      }
    `);
  });
});
