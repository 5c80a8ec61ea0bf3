import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the API tests, generated from the committed schema.graphql (CI fails on any diff). */
const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['test/api/operations.ts'],
  ignoreNoDocuments: false,
  generates: {
    'test/api/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { JSON: 'unknown', DateTime: 'string' } },
    },
  },
};

export default config;
