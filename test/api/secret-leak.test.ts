import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isObjectType, isInterfaceType, isUnionType, isNonNullType, isScalarType, isEnumType, type GraphQLField, type GraphQLInterfaceType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadOperatorConfig } from '../../src/config/operator-config.js';
import { createLogger } from '../../src/logger.js';
import { post } from '../support/api.js';
import { makeCatalogue } from '../support/test-catalogue.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { FakeUpstream } from '../support/upstream.js';

const OR_KEY = 'sk-or-MARKER-openrouter-key-7f3a9c';
const YAML_KEY = 'YAML-MARKER-azure-key-51b2e8';
const ADMIN = 'ADMIN-MARKER-token-0c4d2e9f8a';
const MARKERS = [OR_KEY, YAML_KEY, ADMIN];

/** A value for a required argument of the given type. */
function argumentValue(typeName: string, fieldName: string, argName: string, knownId: number): string {
  if (fieldName === 'llmConfig' && argName === 'id') return String(knownId);
  if (typeName === 'Int') return '1';
  if (typeName === 'Boolean') return 'true';
  return '"thread-1"';
}

/** Builds a selection of every field reachable from `type`, stopping at `depth` and at types already on the path. */
function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, path: ReadonlySet<string>, knownId: number): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isUnionType(type)) {
    return `{ __typename ${type.getTypes().map((member) => `... on ${member.name} ${selection(schema, member, depth, path, knownId)}`).join(' ')} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  return `{ __typename ${fieldSelections(schema, type, depth, path, knownId).join(' ')} }`;
}

/** `(name: value, …)` for the required arguments of a field, or nothing. */
function requiredArguments(field: GraphQLField<unknown, unknown>, knownId: number): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  return required.length ? `(${required.map((arg) => `${arg.name}: ${argumentValue(getNamedType(arg.type).name, field.name, arg.name, knownId)}`).join(', ')})` : '';
}

/** One selection per field of `type` (with required arguments filled in), each with everything under it. */
function fieldSelections(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, depth: number, path: ReadonlySet<string>, knownId: number): string[] {
  return Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    .map((field) => {
      const named = getNamedType(field.type);
      const args = requiredArguments(field, knownId);
      if (isScalarType(named) || isEnumType(named)) return `${field.name}${args}`;
      if (depth <= 0 || path.has(named.name)) return null;
      return `${field.name}${args} ${selection(schema, named, depth - 1, new Set([...path, named.name]), knownId)}`;
    })
    .filter((field): field is string => field !== null);
}

/** `items` in `count` parts of nearly equal size. */
function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, index) => items.slice(index * size, (index + 1) * size)).filter((part) => part.length > 0);
}

describe('secrets never leave the server', () => {
  const upstream = new FakeUpstream();
  afterAll(() => upstream.stop());

  it('selects every field reachable from Query and Mutation with marker secrets configured: no marker in any response or log line', async () => {
    upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')));
    await upstream.start();
    const dir = mkdtempSync(join(tmpdir(), 'leak-'));
    const yamlPath = join(dir, 'catalogue.yaml');
    writeFileSync(yamlPath, `global_llm_configs:\n  - id: -1\n    name: Azure\n    provider: AZURE\n    model_name: gpt-5.1\n    api_key: ${YAML_KEY}\n    api_base: https://example.invalid\nopenrouter_integration:\n  api_key: yaml-key-overridden-by-env-${OR_KEY}\n`);
    const operator = await loadOperatorConfig(yamlPath, { apiKeyOverride: OR_KEY });
    const logs: string[] = [];
    // No redaction configured on purpose: the test proves nothing secret is ever handed to the logger.
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const test = makeCatalogue(upstream.baseUrl, { operator, logger });
    await test.catalogue.start();
    try {
      const app = createApp({ catalogue: test.catalogue, adminToken: ADMIN, logger, graphiql: true });
      const auth = { authorization: `Bearer ${ADMIN}` };
      const responses: string[] = [];

      const refresh = await post(app, { query: 'mutation { refreshCatalogue(force: true) { __typename ... on RefreshCatalogueSuccess { catalogue { version origin } } } }' }, auth);
      responses.push(JSON.stringify(refresh.body));
      expect(refresh.body.data).toMatchObject({ refreshCatalogue: { __typename: 'RefreshCatalogueSuccess', catalogue: { origin: 'LIVE' } } });
      expect(upstream.requests.at(-1)!.authorization).toBe(`Bearer ${OR_KEY}`);

      const introspection = await post<IntrospectionQuery>(app, { query: getIntrospectionQuery() }, auth);
      responses.push(JSON.stringify(introspection.body));
      const schema = buildClientSchema(introspection.body.data!);
      const knownId = test.catalogue.current()!.configs[0]!.id;
      // Every field reachable from each root field, one query per root field (all of them in one
      // document would exceed the cost limit, as it should). Every field of every config costs more
      // than one document may (~48,000), so its fields are asked for in twelve parts, each within the limit.
      const data: Record<string, unknown> = {};
      const query = schema.getQueryType()!;
      for (const field of Object.values(query.getFields())) {
        const named = getNamedType(field.type);
        const head = `${field.name}${requiredArguments(field, knownId)}`;
        const parts = isObjectType(named) ? chunks(fieldSelections(schema, named, 5, new Set(['Query', named.name]), knownId), field.name === 'llmConfigs' ? 12 : 1) : [[]];
        for (const part of parts) {
          const text = part.length > 0 ? `{ ${head} { __typename ${part.join(' ')} } }` : `{ ${head} }`;
          const answer = await post(app, { query: text }, auth);
          responses.push(JSON.stringify(answer.body));
          expect(answer.body.errors, text).toBeUndefined();
          Object.assign(data, answer.body.data);
        }
      }
      expect(Object.keys(data).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
      expect(data.llmConfigs).toHaveLength(229);
      expect((data.llmConfig as { id: number }).id).toBe(knownId);

      // Every field name of the schema: none may even be called like a credential.
      const fieldNames = Object.values(schema.getTypeMap()).flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()) : []));
      expect(fieldNames.filter((name) => /apikey|api_key|secret|password|credential|^token$|admintoken|bearer/i.test(name))).toEqual([]);

      for (const text of [...responses, ...logs]) for (const marker of MARKERS) expect(text).not.toContain(marker);
      expect(logs.length).toBeGreaterThan(0);
    } finally {
      await test.close();
    }
  });
});
