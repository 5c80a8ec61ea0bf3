import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import type { Logger } from '../logger.js';

/**
 * What a query costs, with lists counted at their size: each field costs 1, and a list field
 * multiplies the cost of what is selected under it by the size the schema declares for it
 * (`complexity` on the field, see src/schema). `{ llmConfigs { id name } }` costs 1 + 250 × 2.
 * The cost is computed before anything resolves, once per document and operation; a query over the
 * limit is refused as a whole with `QUERY_COMPLEXITY`, and the cost of an accepted one is reported,
 * so per-client limits can charge expensive requests more than cheap ones.
 *
 * Introspection is exempt from field costs (the standard introspection query would cost ~87,000)
 * but bounded otherwise: one `__schema` per document, and a fixed cost per introspection request.
 */

export interface QueryCostOptions {
  readonly maxCost: number;
  /** Charged on top of field costs when an operation selects `__schema` or `__type`. */
  readonly introspectionCost: number;
  readonly logger: Logger;
  /** Called with the cost of every accepted operation. */
  readonly onCost?: (context: GraphQLContext, cost: number) => void;
}

/** The cost limit unless the operator sets `MAX_QUERY_COST`. */
export const DEFAULT_MAX_QUERY_COST = 20_000;

export const MAX_SCHEMA_FIELDS_PER_DOCUMENT = 1;
export const MAX_TYPE_FIELDS_PER_DOCUMENT = 10;

const introspectionCounts = new WeakMap<DocumentNode, { schema: number; type: number }>();

function countIntrospection(document: DocumentNode): { schema: number; type: number } {
  const known = introspectionCounts.get(document);
  if (known) return known;
  const counts = { schema: 0, type: 0 };
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema') counts.schema += 1;
      else if (node.name.value === '__type') counts.type += 1;
    },
  });
  introspectionCounts.set(document, counts);
  return counts;
}

/**
 * One `__schema` per document (GraphiQL's introspection query has exactly one); thirty of them in one
 * document made the server do thirty times the work of the largest response it has. Checked right
 * after parsing, before the (costlier) validation, and cached with the parse result.
 */
export function assertIntrospectionBound(document: DocumentNode): void {
  const counts = countIntrospection(document);
  if (counts.schema > MAX_SCHEMA_FIELDS_PER_DOCUMENT) {
    throw new GraphQLError(`Introspection limit: a document may select __schema at most ${MAX_SCHEMA_FIELDS_PER_DOCUMENT} time(s), found ${counts.schema}.`, { extensions: { code: 'INTROSPECTION_LIMIT' } });
  }
  if (counts.type > MAX_TYPE_FIELDS_PER_DOCUMENT) {
    throw new GraphQLError(`Introspection limit: a document may select __type at most ${MAX_TYPE_FIELDS_PER_DOCUMENT} times, found ${counts.type}.`, { extensions: { code: 'INTROSPECTION_LIMIT' } });
  }
}

/** Verdicts by document and operation: field costs do not depend on variable values (see src/schema). */
const verdicts = new WeakMap<DocumentNode, Map<string, { cost: number; errors: readonly GraphQLError[] }>>();

/**
 * Marks an error found before execution as a request error: GraphQL-over-HTTP answers it with 400 for
 * `application/graphql-response+json` (and 200 for `application/json`), as Yoga does for validation errors.
 */
export function asRequestError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, http: { spec: true, status: 400 } } });
}

export function useQueryCost(options: QueryCostOptions): Plugin {
  const assess = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variableValues: Record<string, unknown>, context: object) => {
    let byOperation = verdicts.get(document);
    if (!byOperation) {
      byOperation = new Map();
      verdicts.set(document, byOperation);
    }
    const known = byOperation.get(operationName ?? '');
    if (known) return known;
    let cost = 0;
    const rule = createComplexityRule({
      variableValues,
      operationName,
      context,
      maxComplexity: options.maxCost,
      onResult: (state) => {
        cost = state.complexity;
      },
    });
    const errors = validate(schema, document, [rule]);
    const introspection = countIntrospection(document);
    if (introspection.schema + introspection.type > 0) cost += options.introspectionCost;
    const verdict = { cost, errors };
    // Variable errors are the request's own; only verdicts about the document are kept.
    if (!errors.some((error) => error.message.startsWith('Variable '))) byOperation.set(operationName ?? '', verdict);
    return verdict;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { cost, errors } = assess(args.schema, args.document, args.operationName ?? undefined, (args.variableValues ?? {}) as Record<string, unknown>, args.contextValue);
      if (errors.length > 0) {
        options.logger.warn('query rejected by cost limit', { reason: errors[0]!.message });
        setResultAndStopExecution({ errors: errors.map(asRequestError) });
        return;
      }
      options.onCost?.(args.contextValue as unknown as GraphQLContext, cost);
    },
  };
}
