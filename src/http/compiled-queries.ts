import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { isPromise, makeExecute, type Plugin } from 'graphql-yoga';

/**
 * Executes queries with graphql-jit: each (document, operation) is compiled to a JavaScript function
 * once and reused, ~6x faster than interpreting it on every request (bench/RESULTS.md), with a
 * serialiser generated for its result shape. Mutations
 * and subscriptions stay on graphql-js (rare, admin-only, or long-lived).
 *
 * Compiled functions are kept per document AND operation name: one document may hold several
 * operations (GraphiQL users keep many in one editor) and each compiles to different code.
 * `@envelop/graphql-jit` keys its cache by the document alone, so whichever operation ran first
 * answered for all of them; that is why this small plugin exists instead.
 */

type Compiled = Pick<CompiledQuery, 'query' | 'stringify'>;

/** Documents are held weakly: they live as long as Yoga's parse cache keeps them. */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

function compiled(args: ExecutionArgs): Compiled {
  let byOperation = compiledByDocument.get(args.document);
  if (!byOperation) {
    byOperation = new Map();
    compiledByDocument.set(args.document, byOperation);
  }
  const operationName = args.operationName ?? '';
  let entry = byOperation.get(operationName);
  if (!entry) {
    // A serialiser generated for the query's shape (fast-json-stringify) writes the selector's 67 KB
    // ~30% faster than JSON.stringify, byte for byte the same. It knows only the built-in scalars, so
    // queries selecting our custom ones (DateTime, JSON) compile with JSON.stringify instead.
    let result = compileQuery(args.schema, args.document, args.operationName ?? undefined, { customJSONSerializer: true });
    if (!isCompiledQuery(result)) result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    // A document that cannot be compiled answers with graphql-jit's errors, as graphql-js would.
    entry = isCompiledQuery(result) ? result : { query: () => result as ExecutionResult, stringify: JSON.stringify };
    byOperation.set(operationName, entry);
  }
  return entry;
}

const executeCompiled = makeExecute((args) => {
  const entry = compiled(args);
  // The compiled query's own serialiser travels with the result; Yoga's result processor uses it.
  const withSerialiser = (result: ExecutionResult) => Object.assign(result, { stringify: entry.stringify });
  const result = entry.query(args.rootValue, args.contextValue, args.variableValues);
  return isPromise(result) ? result.then(withSerialiser) : withSerialiser(result);
});

export function useCompiledQueries(): Plugin {
  return {
    onExecute({ args, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'query') setExecuteFn(executeCompiled);
    },
  };
}
