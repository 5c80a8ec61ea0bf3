import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';
import type { AdminVerdict } from '../http/admin-auth.js';

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
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // The token is checked only when an admin field is reached, so anonymous reads never touch it.
    authScopes: (context) => ({ admin: async () => (await context.admin.verify()).kind === 'admin' }),
    unauthorizedError: (_parent, context) => adminRefusal(context.admin.settled),
  },
  complexity: {
    // Cost is checked per request by the HTTP layer (src/http/query-cost.ts), before execution; the
    // schema only declares what each field costs and how large its lists are.
    disabled: true,
    defaultComplexity: 1,
    defaultListMultiplier: 10,
  },
  errors: {
    // Never the base Error class here: that would turn any internal exception into data and bypass masking.
    defaultTypes: [],
  },
});

/** Pothos sets no error code by default; clients need one to tell "log in" from "not allowed" from "slow down". */
function adminRefusal(verdict: AdminVerdict | null): GraphQLError {
  if (verdict?.kind === 'not-configured') {
    return new GraphQLError('Forbidden: no admin token is configured on this server, so admin operations are disabled', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  if (verdict?.kind === 'throttled') {
    return new GraphQLError(`Too many refused admin attempts from this address: retry in ${verdict.retryAfterSeconds} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } } },
    });
  }
  return new GraphQLError('Not authenticated: send "Authorization: Bearer <admin token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** A client error for a bad argument value (the schema already rejects wrong types). */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
