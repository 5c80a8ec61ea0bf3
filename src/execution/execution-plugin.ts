import type { DocumentNode, ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql';
import { makeExecute, type Plugin } from 'graphql-yoga';
import type { AcceptedDocuments } from './accepted-documents.js';
import type { LazyPreparedOperations } from './lazy-execution.js';

/**
 * Results computed for a request before it reached Yoga (by src/http/fast-lane.ts, which hands Yoga the
 * requests whose answers it leaves to Yoga): Yoga's executor answers with them instead of running the
 * resolvers a second time.
 */
export class HandedResults {
  private readonly byRequest = new WeakMap<object, ExecutionResult>();

  hand(req: object, result: ExecutionResult): void {
    this.byRequest.set(req, result);
  }

  take(req: object | undefined): ExecutionResult | undefined {
    if (req === undefined) return undefined;
    const result = this.byRequest.get(req);
    this.byRequest.delete(req);
    return result;
  }
}

/**
 * Runs queries through prepared operations (prepared-operations.ts). Mutations and subscriptions stay
 * on Yoga's executor (rare, admin-only, or long-lived).
 *
 * It executes the document the client sent. The response cache hands the executor a copy with
 * `__typename` added to every selection set, for entity bookkeeping this server does not use (every
 * key carries the catalogue state instead); executing the client's own document lets one prepared
 * operation serve both, and keeps immutable objects out of that bookkeeping's walk over results.
 */
export function usePreparedExecution(operations: LazyPreparedOperations, accepted?: AcceptedDocuments, handed?: HandedResults): Plugin {
  const sentDocuments = new WeakMap<object, DocumentNode>();
  const execute = makeExecute((args) => {
    const computed = handed?.take((args.contextValue as { req?: object }).req);
    if (computed !== undefined) return computed;
    const document = sentDocuments.get(args.contextValue as object) ?? args.document;
    return operations.current!.prepare(document, args.operationName).execute(args.rootValue, args.contextValue, args.variableValues);
  });
  return {
    onExecute({ args, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      // Reaching execution means parsed, validated and within every limit: the text may skip all that next time.
      const text = (args.contextValue as { params?: { query?: unknown } }).params?.query;
      if (accepted && typeof text === 'string') accepted.accept(text, args.document);
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
