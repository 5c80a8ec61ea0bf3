import type { IncomingMessage } from 'node:http';
import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';

/**
 * The common case without Yoga's HTTP layer: an anonymous `POST application/json` query that
 * parses, validates and executes without errors. It runs through the same envelop pipeline as
 * Yoga (parse and validation caches, armor limits, graphql-jit, masking, our context), skipping only
 * the construction of WHATWG Request/Response objects, which costs as much as executing the
 * selector query itself. Anything else returns null and is served by Yoga, which owns every
 * GraphQL-over-HTTP detail (status codes, content negotiation, error formatting, SSE).
 */

/** Anonymous requests all share one Request: the context reads only its (absent) Authorization header. */
const ANONYMOUS_REQUEST = new Request('http://localhost/graphql', { method: 'POST' });

const ALLOWED_KEYS = new Set(['query', 'variables', 'operationName']);

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** Whether the request is one the fast path may answer (the body is checked by `executeFast`). */
export function fastPathEligible(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers.authorization !== undefined) return false;
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return false;
  const accept = (req.headers.accept ?? '').toLowerCase();
  // Other media types (graphql-response+json, event-stream) have their own status and framing rules.
  return accept === '' || accept === '*/*' || accept === 'application/json';
}

function parseParams(body: Buffer): Params | null {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return null;
  const record = params as Record<string, unknown>;
  if (!Object.keys(record).every((key) => ALLOWED_KEYS.has(key)) || typeof record.query !== 'string') return null;
  if (record.variables != null && (typeof record.variables !== 'object' || Array.isArray(record.variables))) return null;
  if (record.operationName != null && typeof record.operationName !== 'string') return null;
  return record as unknown as Params;
}

/** The part of a Yoga instance the fast path uses: its envelop pipeline. */
export interface EnvelopedPipeline {
  getEnveloped(initialContext: { request: Request; params: Params; cacheVerdict: { cacheable: boolean } }): {
    parse(source: string): DocumentNode;
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
    contextFactory(): unknown;
    execute(args: ExecutionArgs): unknown;
    schema: GraphQLSchema;
  };
}

export interface FastResult {
  /** The serialised response; encoded to bytes only if it is cached. */
  readonly body: string;
  readonly headers: readonly (readonly [string, string])[];
}

/**
 * Executes a query through Yoga's envelop pipeline. Returns null, doing nothing observable, when the
 * request needs Yoga: not a plain query, a parse or validation error, or an execution with errors.
 */
export async function executeFast(yoga: EnvelopedPipeline, body: Buffer, cacheVerdict: { cacheable: boolean }): Promise<FastResult | null> {
  const params = parseParams(body);
  if (params === null) return null;
  const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped({ cacheVerdict, request: ANONYMOUS_REQUEST, params });
  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch {
    return null;
  }
  if (getOperationAST(document, params.operationName ?? undefined)?.operation !== 'query') return null;
  if (validate(schema, document).length > 0) return null;
  const contextValue = (await contextFactory()) as ExecutionArgs['contextValue'];
  const result = (await execute({ schema, document, contextValue, variableValues: params.variables ?? undefined, operationName: params.operationName ?? undefined })) as ExecutionResult & { stringify?: (r: ExecutionResult) => string };
  if (isAsyncIterable(result) || (result.errors && result.errors.length > 0)) return null;
  return { body: result.stringify ? result.stringify(result) : JSON.stringify(result), headers: [['content-type', 'application/json; charset=utf-8']] };
}
