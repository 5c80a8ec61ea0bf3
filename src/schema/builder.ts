import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';
import type { CredentialVerdict, Scope } from '../http/bearer-auth.js';

/** The Pothos builder. Types are defined in the files next to this one; this file defines none. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: Record<Scope, boolean>;
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
    // A token is checked only when a field of its scope is reached, so anonymous reads never touch one.
    authScopes: (context) => ({
      admin: async () => (await context.credentials.verify('admin')).kind === 'granted',
      service: async () => (await context.credentials.verify('service')).kind === 'granted',
    }),
    unauthorizedError: (_parent, context, _info, result) => {
      const scope = failedScope(result.failure) ?? 'admin';
      return refusal(scope, context.credentials.settled(scope));
    },
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

/** The scope whose check failed (a field asks for one scope; Pothos may wrap it in an "any of" failure). */
function failedScope(failure: AuthFailure): Scope | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope === 'service' || failure.scope === 'admin' ? failure.scope : null;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const inner of failure.failures) {
      const scope = failedScope(inner);
      if (scope) return scope;
    }
  }
  return null;
}

const TOKEN_NAME: Record<Scope, string> = { admin: 'admin token', service: 'service token' };
const OPERATIONS: Record<Scope, string> = { admin: 'admin operations are', service: 'outcome reports are' };

/** Pothos sets no error code by default; clients need one to tell "log in" from "not allowed" from "slow down". */
function refusal(scope: Scope, verdict: CredentialVerdict | null): GraphQLError {
  if (verdict?.kind === 'not-configured') {
    return new GraphQLError(`Forbidden: no ${TOKEN_NAME[scope]} is configured on this server, so ${OPERATIONS[scope]} disabled`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  if (verdict?.kind === 'throttled') {
    return new GraphQLError(`Too many refused credential attempts from this address: retry in ${verdict.retryAfterSeconds} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } } },
    });
  }
  return new GraphQLError(`Not authenticated: send "Authorization: Bearer <${TOKEN_NAME[scope]}>"`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** A client error for a bad argument value (the schema already rejects wrong types). */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
