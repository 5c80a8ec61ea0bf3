import type { CodegenConfig } from '@graphql-codegen/cli';

const typesConfig = { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { JSON: 'unknown', DateTime: 'string' } };

/** Typed documents generated from the committed schema.graphql (CI regenerates both targets and fails on any diff). */
const config: CodegenConfig = {
  schema: './schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    // The API tests' operations.
    'test/api/gql/': {
      documents: ['test/api/operations.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typesConfig,
    },
    // The console's operations (console/src/api/operations/*.graphql). Documents are emitted as strings:
    // the page sends them as they are, so no GraphQL parser or printer is bundled into it.
    'console/src/api/gql/': {
      documents: ['console/src/api/operations/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { ...typesConfig, documentMode: 'string' },
    },
  },
};

export default config;
