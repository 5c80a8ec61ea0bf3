import type { DocumentNode } from 'graphql';
import { getOperationAST } from 'graphql';
import { makeExecute, type Plugin } from 'graphql-yoga';
import type { LazyPreparedOperations } from './lazy-execution.js';

/**
 * Runs queries through prepared operations (prepared-operations.ts). Mutations and subscriptions stay
 * on Yoga's executor (rare, admin-only, or long-lived).
 *
 * It executes the document the client sent. The response cache hands the executor a copy with
 * `__typename` added to every selection set, for entity bookkeeping this server does not use (every
 * key carries the catalogue state instead); executing the client's own document lets one prepared
 * operation serve both, and keeps immutable objects out of that bookkeeping's walk over results.
 */
export function usePreparedExecution(operations: LazyPreparedOperations): Plugin {
  const sentDocuments = new WeakMap<object, DocumentNode>();
  const execute = makeExecute((args) => {
    const document = sentDocuments.get(args.contextValue as object) ?? args.document;
    return operations.current!.prepare(document, args.operationName).execute(args.rootValue, args.contextValue, args.variableValues);
  });
  return {
    onExecute({ args, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      // Until prepared execution is loaded (the first queries after start-up), Yoga's executor answers.
      if (operations.current === null) {
        void operations.load();
        return;
      }
      sentDocuments.set(args.contextValue as object, args.document);
      setExecuteFn(execute);
    },
  };
}
