import { getOperationAST, getVariableValues, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { asRequestError } from './query-cost.js';

/**
 * Coerces variables with graphql-js before execution. graphql-jit's own messages name the wrong
 * variable for nested input errors; these say what and where (`Variable "$f" got invalid value
 * "GOLD" at "f.tier"; Value "GOLD" does not exist in "Tier" enum.`).
 */
export const variableErrorsPlugin: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const errors = variableErrors(args.schema, args.document, args.operationName, args.variableValues);
    if (errors) setResultAndStopExecution({ errors: errors.map(asRequestError) });
  },
};

/** What is wrong with an operation's variables, as graphql-js coerces them; undefined when nothing is. */
export function variableErrors(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: unknown): readonly GraphQLError[] | undefined {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions;
  if (!definitions?.length) return undefined;
  return getVariableValues(schema, definitions, (variables ?? {}) as Record<string, unknown>, { maxErrors: 20 }).errors;
}
