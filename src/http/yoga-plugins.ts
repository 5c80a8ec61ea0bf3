import { getOperationAST, getVariableValues } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';

/** Per-request values the HTTP layer hands to Yoga; merged into the GraphQL context. */
export interface ServerContext {
  /** Set to true by the cache plugin when the operation was a query that succeeded without errors. */
  readonly cacheVerdict?: { cacheable: boolean };
}

/**
 * Coerces variables with graphql-js before execution. graphql-jit's own messages name the wrong
 * variable for nested input errors; these say what and where (`Variable "$f" got invalid value
 * "GOLD" at "f.tier"; Value "GOLD" does not exist in "Tier" enum.`).
 */
export const variableErrorsPlugin: Plugin<GraphQLContext & ServerContext> = {
  onExecute({ args, setResultAndStopExecution }) {
    const definitions = getOperationAST(args.document, args.operationName)?.variableDefinitions;
    if (!definitions?.length) return;
    const coerced = getVariableValues(args.schema, definitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 20 });
    if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors });
  },
};

/** Marks successful queries as cacheable; anything else (mutations, errors, streams, clock-dependent fields) never is. */
export const cacheVerdictPlugin: Plugin<GraphQLContext & ServerContext> = {
  onExecute({ args }) {
    const verdict = (args.contextValue as ServerContext).cacheVerdict;
    if (!verdict || getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
    return {
      onExecuteDone({ result }) {
        const timeDependent = (args.contextValue as GraphQLContext).cachePolicy.timeDependent;
        if (!isAsyncIterable(result) && !(result.errors && result.errors.length > 0) && !timeDependent) verdict.cacheable = true;
      },
    };
  },
};

