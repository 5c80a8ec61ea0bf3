import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';

/** The Pothos builder. Types are defined in the files next to this one; this file defines none. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: { admin: boolean };
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: string; Output: number };
  };
  DefaultFieldNullability: false;
}>({
  // Scope auth first, so authorization runs before any other plugin's wrapping of a resolver.
  plugins: [ScopeAuthPlugin, ErrorsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({ admin: context.isAdmin }),
    // Pothos sets no error code by default; clients need one to tell "log in" from "not allowed".
    unauthorizedError: (_parent, context) =>
      context.adminConfigured
        ? new GraphQLError('Not authenticated: send "Authorization: Bearer <admin token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
        : new GraphQLError('Forbidden: no admin token is configured on this server, so admin operations are disabled', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } }),
  },
  errors: {
    // Never the base Error class here: that would turn any internal exception into data and bypass masking.
    defaultTypes: [],
  },
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON value (used for LiteLLM parameters, passed through as configured).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string in UTC, e.g. `2026-11-24T00:00:00.000Z`.',
  serialize: (value) => new Date(value as number).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new GraphQLError('DateTime must be an ISO-8601 string', { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
});

builder.queryType({ description: 'Reads of the model catalogue. No authentication needed.' });
builder.mutationType({ description: 'Admin operations. Each needs `Authorization: Bearer <admin token>`.' });

/** A client error for a bad argument value (the schema already rejects wrong types). */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
