import { getOperationAST, getVariableValues } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { asRequestError } from './query-cost.js';

/**
 * Coerces variables with graphql-js before execution. graphql-jit's own messages name the wrong
 * variable for nested input errors; these say what and where (`Variable "$f" got invalid value
 * "GOLD" at "f.tier"; Value "GOLD" does not exist in "Tier" enum.`).
 */
export const variableErrorsPlugin: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const definitions = getOperationAST(args.document, args.operationName)?.variableDefinitions;
    if (!definitions?.length) return;
    const coerced = getVariableValues(args.schema, definitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 20 });
    if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors.map(asRequestError) });
  },
};
