import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

/**
 * Issue 12.1: one document holding several named operations, as GraphiQL users keep them. Each
 * `operationName` must get its own operation's answer, whichever ran first, on POST, GET and a
 * GraphiQL-style request; compiled queries are kept per document and operation.
 */

const DOCUMENT = `
query A { catalogue { version ready } }
query B { free: llmConfigs(filter: { tier: FREE }) { id } }
query C($id: Int!) { llmConfig(id: $id) { name } }
`;
const EXPECTED = {
  A: { catalogue: { version: 1, ready: true } },
  C: { llmConfig: { name: 'GPT-5.1 (Azure)' } },
};

describe('several named operations in one document', () => {
  const catalogue = new FakeCatalogue();
  const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: true });
  const server = serveDuringSuite(app);
  const freeIds = catalogue.version!.configs.filter((c) => c.billingTier === 'free').map((c) => ({ id: c.id }));

  const viaPost = async (operationName: string, variables?: object) =>
    (await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DOCUMENT, operationName, variables }) })).body.json();
  const viaGet = async (operationName: string, variables?: object) => {
    const params = new URLSearchParams({ query: DOCUMENT, operationName, ...(variables ? { variables: JSON.stringify(variables) } : {}) });
    return (await request(`${server.base}/graphql?${params}`, { headers: { accept: 'application/json' } })).body.json();
  };
  // What GraphiQL's fetcher sends: the whole editor content, the operation under the cursor, its Accept list.
  const viaGraphiQL = async (operationName: string, variables?: object) =>
    (
      await request(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json, multipart/mixed', origin: server.base },
        body: JSON.stringify({ query: DOCUMENT, operationName, variables: variables ?? {}, extensions: {} }),
      })
    ).body.json();

  it.each([
    ['POST', viaPost],
    ['GET', viaGet],
    ['GraphiQL', viaGraphiQL],
  ] as const)('%s: each operation answers for itself, in any order and repeatedly', async (_name, send) => {
    for (const order of [['A', 'B', 'C'], ['C', 'B', 'A'], ['B', 'A', 'C', 'A', 'B', 'C']]) {
      for (const operation of order) {
        const body = await send(operation, operation === 'C' ? { id: -1 } : undefined);
        if (operation === 'B') expect(body).toEqual({ data: { free: freeIds } });
        else expect(body).toEqual({ data: EXPECTED[operation as 'A' | 'C'] });
      }
    }
  });

  it('an unknown or missing operation name is a request error, not another operation’s answer', async () => {
    expect(await viaPost('Z')).toEqual({ errors: [{ message: 'Could not determine what operation to execute.', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] });
    const missing = (await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DOCUMENT }) })).body;
    expect(await missing.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/Must provide operation name|Could not determine/) }] });
  });
});
