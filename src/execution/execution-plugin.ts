import type { DocumentNode, ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql';
import stableStringify from 'fast-json-stable-stringify';
import { makeExecute, type Plugin } from 'graphql-yoga';
import type { AcceptedDocuments } from './accepted-documents.js';
import type { LazyPreparedOperations } from './lazy-execution.js';

/**
 * Results computed for a request before it reached Yoga (by src/http/fast-lane.ts, which hands Yoga the
 * requests whose answers it leaves to Yoga): Yoga's executor answers with them instead of running the
 * resolvers a second time.
 */
export class HandedResults {
  private readonly byRequest = new WeakMap<object, { readonly result: ExecutionResult; readonly document: DocumentNode; readonly operationName: string | null; readonly variables: string }>();
  private readonly taken = new WeakSet<object>();

  /** A result for `req`, computed for this document, operation and variables (as `stableStringify` writes them). */
  hand(req: object, result: ExecutionResult, document: DocumentNode, operationName: string | null, variables: string): void {
    this.byRequest.set(req, { result, document, operationName, variables });
  }

  /** The result handed for `req`, when Yoga executes the very operation it was computed for. */
  take(req: object | undefined, document: DocumentNode, operationName: string | null | undefined, variables: unknown): ExecutionResult | undefined {
    const handed = req === undefined ? undefined : this.byRequest.get(req);
    if (handed === undefined) return undefined;
    this.byRequest.delete(req!);
    if (handed.document !== document || handed.operationName !== (operationName ?? null) || handed.variables !== stableStringify(variables ?? null)) return undefined;
    this.taken.add(req!);
    return handed.result;
  }

  /** Whether Yoga answered `req` with the result handed for it. */
  wasTaken(req: object): boolean {
    return this.taken.has(req);
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
    const document = sentDocuments.get(args.contextValue as object) ?? args.document;
    const computed = handed?.take((args.contextValue as { req?: object }).req, document, args.operationName, args.variableValues);
    if (computed !== undefined) return computed;
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
