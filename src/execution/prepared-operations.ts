import { getNamedType, getOperationAST, GraphQLError, GraphQLList, type GraphQLErrorExtensions, type Source, GraphQLNonNull, GraphQLScalarType, isListType, isNonNullType, type DocumentNode, type ExecutionResult, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { FragmentPlans, type FragmentPlansOptions } from './fragment-plans.js';
import { shadowOperation, PLAIN, type Shape } from './operation-shape.js';
import { FragmentRef, prepareFragments, writeResult } from './result-writer.js';

/**
 * Queries executed by graphql-jit (each document and operation compiled to a function once, ~6x faster
 * than interpreting it), with immutable objects (a catalogue version's configs) written from
 * serialised fragments made once per object and selection (fragment-plans.ts), so an answer listing
 * 228 configs is a filter and a concatenation instead of 228 × N fields resolved, checked and
 * stringified. Every result carries its serialiser as `stringify` (Yoga's result processor calls it);
 * the bytes are those of `JSON.stringify` of graphql-js's result, errors first as graphql-js orders them.
 *
 * Compiled operations are kept per document AND operation name: one document may hold several
 * operations (GraphiQL users keep many in one editor) and each compiles to different code.
 */

type Query = CompiledQuery['query'];
type Variables = Record<string, unknown> | null | undefined;

export interface PreparedOperation {
  /** Executes the operation; the result's `stringify` writes its JSON bytes. */
  execute(rootValue: unknown, contextValue: unknown, variables: Variables): ExecutionResult | Promise<ExecutionResult>;
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown }).then === 'function';

/** A field of the shadow schema that returned an immutable object returns the object itself, as a leaf. */
const IMMUTABLE_LEAF = new GraphQLScalarType({ name: 'ShadowImmutableObject', serialize: (value) => new FragmentRef(value as object) });

function asLeaf(type: GraphQLOutputType): GraphQLOutputType {
  if (isNonNullType(type)) return new GraphQLNonNull(asLeaf(type.ofType) as never);
  if (isListType(type)) return new GraphQLList(asLeaf(type.ofType));
  return IMMUTABLE_LEAF;
}

function withWriter(result: ExecutionResult, shape: Shape, source: Source | undefined): ExecutionResult {
  if (result.errors) result.errors = result.errors.map((error) => asGraphQLJsError(error, source));
  return Object.assign(result, { stringify: (sanitised: Record<string, unknown>) => writeResult(sanitised, shape) });
}

/**
 * graphql-jit's errors carry `locations` but not the source and positions a graphql-js error is made
 * of, so Yoga, which rebuilds each error from those, would answer without locations. Rebuilt here as
 * graphql-js locates a resolver's error: its message, locations, path and the original's extensions.
 */
function asGraphQLJsError(error: GraphQLError, source: Source | undefined): GraphQLError {
  if (source === undefined || !error.locations?.length || error.source !== undefined) return error;
  const lineStarts = [0];
  for (const match of source.body.matchAll(/\r\n|[\n\r]/g)) lineStarts.push(match.index + match[0].length);
  const positions = error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1);
  const original = error.originalError;
  const extensions = error.extensions ?? (original as { extensions?: GraphQLErrorExtensions } | undefined)?.extensions;
  return new GraphQLError(error.message, { source, positions, path: error.path, ...(original ? { originalError: original } : {}), ...(extensions ? { extensions } : {}) });
}

export class PreparedOperations {
  private readonly plans: FragmentPlans;
  private readonly shadowSchema: GraphQLSchema;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, PreparedOperation>>();

  constructor(
    private readonly schema: GraphQLSchema,
    options: FragmentPlansOptions,
  ) {
    this.plans = new FragmentPlans(schema, options);
    this.shadowSchema = mapSchema(schema, {
      [MapperKind.OBJECT_FIELD]: (field) => (this.plans.isImmutable(getNamedType(field.type).name) ? { ...field, type: asLeaf(field.type) } : field),
    });
  }

  /** The prepared operation `operationName` of a validated document (compiled on first use). */
  prepare(document: DocumentNode, operationName: string | null | undefined): PreparedOperation {
    let byOperation = this.byDocument.get(document);
    if (!byOperation) {
      byOperation = new Map();
      this.byDocument.set(document, byOperation);
    }
    const name = operationName ?? '';
    let prepared = byOperation.get(name);
    if (!prepared) {
      prepared = this.build(document, operationName ?? undefined);
      byOperation.set(name, prepared);
    }
    return prepared;
  }

  stats(): { plans: number; bytes: number } {
    return this.plans.stats();
  }

  private build(document: DocumentNode, operationName: string | undefined): PreparedOperation {
    let plain: Query | null = null;
    const plainQuery = (): Query => (plain ??= this.compile(this.schema, document, operationName));
    const source = document.loc?.source;
    const executePlain = (rootValue: unknown, contextValue: unknown, variables: Variables) => {
      const result = plainQuery()(rootValue, contextValue, variables);
      return isPromise(result) ? result.then((done) => withWriter(done, PLAIN, source)) : withWriter(result, PLAIN, source);
    };
    const operation = getOperationAST(document, operationName);
    const shadow = operation?.operation === 'query' ? shadowOperation(this.schema, document, operation, this.plans) : null;
    const shadowQuery = shadow ? this.compile(this.shadowSchema, shadow.document, operationName, false) : null;
    if (shadow === null || shadowQuery === null) return { execute: executePlain };
    const finish = (result: ExecutionResult, rootValue: unknown, contextValue: unknown, variables: Variables) =>
      // A fragment that cannot be made (an error in one config's fields): ordinary execution reports it as graphql-js would.
      result.data != null && !prepareFragments(result.data, shadow.shape) ? executePlain(rootValue, contextValue, variables) : withWriter(result, shadow.shape, source);
    return {
      execute: (rootValue, contextValue, variables) => {
        const result = shadowQuery(rootValue, contextValue, variables);
        return isPromise(result) ? result.then((done) => finish(done, rootValue, contextValue, variables)) : finish(result, rootValue, contextValue, variables);
      },
    };
  }

  /** A document graphql-jit cannot compile answers with its errors, as graphql-js would (or null, for a shadow). */
  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Query;
  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, orErrors: false): Query | null;
  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, orErrors = true): Query | null {
    const compiled = compileQuery(schema, document, operationName);
    if (isCompiledQuery(compiled)) return compiled.query;
    return orErrors ? () => compiled as ExecutionResult : null;
  }
}
