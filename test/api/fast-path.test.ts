import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

const SELECTOR = 'query S($probe: Int!) { llmConfigs { id name tier pricing { prompt } health { score } } probe: llmConfig(id: $probe) { id } }';

describe('the fast path answers exactly as Yoga does', () => {
  const app = createApp({ catalogue: new FakeCatalogue(), adminToken: 'fast-path-admin-token-0000000', logger: silentLogger, graphiql: false });
  const server = serveDuringSuite(app);

  async function both(body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    const viaSocket = await request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
    const viaYoga = await app.yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text }, { cacheVerdict: { cacheable: false } });
    return { socket: { status: viaSocket.statusCode, type: viaSocket.headers['content-type'], body: await viaSocket.body.text() }, yoga: { status: viaYoga.status, type: viaYoga.headers.get('content-type'), body: await viaYoga.text() } };
  }

  it.each([
    ['a successful query with variables', { query: SELECTOR, variables: { probe: 7 } }],
    ['an operation picked by name', { query: `${SELECTOR} query T { catalogue { version } }`, operationName: 'T' }],
    ['a variable error', { query: SELECTOR, variables: { probe: 'x' } }],
    ['a validation error', { query: '{ llmConfigs { nope } }' }],
    ['a syntax error', { query: '{ llmConfigs ' }],
    ['a resolver error', { query: '{ catalogueChanges(last: 0) { toVersion } }' }],
    ['an unknown parameter', { query: '{ catalogue { version } }', extensions: { persistedQuery: { version: 1 } } }],
  ])('%s', async (_name, body) => {
    const { socket, yoga } = await both(body);
    expect(socket).toEqual(yoga);
  });

  it('leaves mutations and other media types to Yoga', async () => {
    const mutation = await both({ query: 'mutation { refreshCatalogue { __typename } }' });
    expect(mutation.socket).toEqual(mutation.yoga);
    const graphqlResponse = await both({ query: '{ llmConfigs { nope } }' }, { accept: 'application/graphql-response+json' });
    expect(graphqlResponse.socket).toEqual(graphqlResponse.yoga);
    expect(graphqlResponse.socket.status).toBe(400);
  });
});
