import { describe, expect, it } from 'vitest';
import { createApp, QUERY_LIMITS } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { execute, post } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { SelectorQuery } from './operations.js';

const logs: string[] = [];
const app = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: createLogger({ write: (l) => logs.push(l) }), graphiql: true });

async function firstError(body: unknown, headers: Record<string, string> = {}) {
  const { status, body: result } = await post(app, body, headers);
  return { status, message: result.errors?.[0]?.message ?? '', data: result.data };
}

describe('query limits reject abuse with a clear error', () => {
  it('too deep', async () => {
    let nested = '__typename';
    for (let i = 0; i < 20; i += 1) nested = `ofType { ${nested} }`;
    const { message } = await firstError({ query: `{ __schema { types { fields { type { ${nested} } } } } }` });
    expect(message).toMatch(/Query depth limit of 15 exceeded/);
    expect(logs.some((l) => l.includes('query rejected by depth limit'))).toBe(true);
  });

  it('too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: catalogue { version }`).join(' ');
    expect((await firstError({ query: `{ ${aliases} }` })).message).toMatch(/Aliases limit of 30 exceeded/);
  });

  it('a fragment bomb (fragments spreading fragments)', async () => {
    const fragments = Array.from({ length: 8 }, (_, i) => `fragment F${i} on LlmConfig { id ${i < 7 ? `...F${i + 1} ...F${i + 1}` : 'name'} }`).join('\n');
    const { message } = await firstError({ query: `{ llmConfigs { ...F0 } }\n${fragments}` });
    expect(message).toMatch(/Query complexity of \d+ exceeds max complexity of 20000/);
  });

  it('too many tokens', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ');
    expect((await firstError({ query: `{ llmConfigs { ${fields} } }` })).message).toMatch(/Token limit of 4000 exceeded/);
  });

  it('too many directives', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    expect((await firstError({ query: `{ catalogue { version ${directives} } }` })).message).toMatch(/Directives limit of 20 exceeded/);
  });

  it('batched requests are not accepted', async () => {
    const { status, body } = await post(app, [{ query: '{ catalogue { version } }' }, { query: '{ catalogue { version } }' }]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(body)).toMatch(/POST body|batch|Invalid/i);
  });

  it('unknown fields fail without suggesting real ones', async () => {
    const { message } = await firstError({ query: '{ llmConfigs { apiKey } }' });
    expect(message).toMatch(/Cannot query field "apiKey" on type "LlmConfig"/);
    expect(message).not.toMatch(/Did you mean/);
  });

  it('invalid variables and wrong types are reported with what and where', async () => {
    expect((await firstError({ query: 'query($id: Int!) { llmConfig(id: $id) { id } }', variables: { id: 'abc' } })).message).toMatch(/Variable "\$id" got invalid value "abc"; Int cannot represent non-integer value/);
    expect((await firstError({ query: 'query($f: LlmConfigFilter) { llmConfigs(filter: $f) { id } }', variables: { f: { tier: 'GOLD' } } })).message).toMatch(/Variable "\$f" got invalid value "GOLD" at "f.tier"; Value "GOLD" does not exist in "Tier" enum/);
    expect((await firstError({ query: '{ llmConfigs(orderBy: SIDEWAYS) { id } }' })).message).toMatch(/Value "SIDEWAYS" does not exist in "LlmConfigOrder" enum/);
    expect((await firstError({ query: '{ llmConfigs { id ' })).message).toMatch(/Syntax Error/);
    expect((await firstError({ notAQuery: true })).message).toMatch(/Unexpected parameter "notAQuery" in the request body/);
  });

  it('normal selector queries keep succeeding while abuse is rejected', async () => {
    const abuse = Array.from({ length: 20 }, (_, i) => post(app, { query: `{ ${Array.from({ length: 40 }, (_, j) => `a${i}_${j}: catalogue { version }`).join(' ')} }` }));
    const normal = Array.from({ length: 20 }, () => execute(app, SelectorQuery, {}));
    const [abused, served] = await Promise.all([Promise.all(abuse), Promise.all(normal)]);
    for (const response of abused) expect(response.body.errors?.[0]?.message).toMatch(/Aliases limit/);
    for (const response of served) expect(response.body.data!.llmConfigs).toHaveLength(230);
  });

  it('GraphiQL’s own introspection query passes the limits', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const { body } = await post(app, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }) });
    expect(body.errors).toBeUndefined();
  });
});
