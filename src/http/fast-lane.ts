import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { AcceptedDocuments } from '../execution/accepted-documents.js';
import stableStringify from 'fast-json-stable-stringify';
import type { HandedResults } from '../execution/execution-plugin.js';
import type { LazyPreparedOperations } from '../execution/lazy-execution.js';
import type { AnsweredRequest } from '../observability/access-log-plugin.js';
import { operationOfBody, operationOfParams, operationOfUrl, type OperationInfo } from '../observability/operation-info.js';
import { newRequestContext, REQUEST_ID_HEADER, runInRequestContext, type RequestContext } from '../observability/request-context.js';
import type { ClientLimits } from './client-limits.js';
import { AnswerHeaders, requestClass, type AnswerTemplate } from './answer-headers.js';
import { knownCost } from './query-cost.js';
import { ABORTED_BODY, handBodyToYoga, readNodeBody } from './request-body.js';
import type { ResponseCacheLane } from './response-cache.js';
import { variablesWithinNesting } from './request-shape.js';
import { variableErrors } from './variable-errors.js';

/**
 * Answers the requests that make up nearly all of this API's traffic (anonymous queries the server has
 * already accepted, new variables or repeated) before Yoga's adapter, at a fraction of its cost: Yoga's
 * Node adapter alone costs more per request than Mercurius's whole answer to a lookup (bench/RESULTS.md).
 * Everything else, and anything unusual about these, goes to Yoga untouched (`handOver`).
 *
 * It decides nothing Yoga has not decided first. It runs only documents Yoga parsed, validated and let
 * through every limit (accepted-documents.ts), with Yoga's cost verdict, through the same prepared
 * operations Yoga's executor uses; it spends the client's points and applies the second-sighting rule
 * of the response cache with the plugins' own functions; and it answers with the headers Yoga gave a
 * request of the same class (answer-headers.ts). A result with errors, a refused client, a busy server,
 * a request seen before: Yoga answers those, with the result already computed when there is one (so
 * resolvers run once). Answers are logged and counted by the access-log and metrics plugins' own
 * functions. test/api/replay-parity.test.ts proves it answers exactly as Yoga does.
 */

export interface FastLaneDeps {
  readonly schema: GraphQLSchema;
  readonly endpoint: string;
  readonly maxRequestBytes: number;
  /** Yoga's Node adapter: the full path. */
  readonly yoga: (req: IncomingMessage, res: ServerResponse) => unknown;
  readonly cache: ResponseCacheLane;
  /** Prepared execution: until it is loaded (the first queries after start-up), Yoga answers everything. */
  readonly prepared: LazyPreparedOperations;
  readonly documents: AcceptedDocuments;
  readonly limits: ClientLimits;
  /** The client's address, as the plugins work it out. */
  readonly clientAddress: (req: IncomingMessage) => string;
  /** The GraphQL context Yoga's path builds for an anonymous request. */
  readonly context: (clientAddress: string) => object;
  /** Results Yoga answers with instead of executing again, when it executes the very operation they were computed for. */
  readonly handed: HandedResults;
  readonly logAnswer: (answered: AnsweredRequest, context: RequestContext) => void;
  readonly observeAnswer: ((answered: AnsweredRequest, context: RequestContext) => void) | null;
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown }).then === 'function';

interface Params {
  readonly query: string;
  readonly variables: Record<string, unknown> | null;
  readonly operationName: string | null;
}

/** Request headers that change what Yoga answers beyond the class (`requestClass`): with one of them, Yoga answers. */
const YOGA_ONLY_HEADERS = ['authorization', 'if-none-match', 'if-modified-since', 'access-control-request-method', 'access-control-request-headers', 'expect', 'transfer-encoding'];

/**
 * Bodies Yoga certainly reads as JSON parameters (its rule: the first of the listed media types is
 * `application/json` or `application/graphql+json`, with or without parameters); others go to Yoga.
 */
function isJsonParams(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.includes(',')) return false;
  return contentType === 'application/json' || contentType.startsWith('application/json;') || contentType === 'application/graphql+json' || contentType.startsWith('application/graphql+json;');
}

const PARAMETERS = new Set(['query', 'variables', 'operationName', 'extensions']);

/** The GraphQL parameters of a body or query string, when they are the plain kind; null for anything else. */
function plainParams(source: Record<string, unknown> | null): Params | null {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return null;
  for (const key in source) if (!PARAMETERS.has(key)) return null;
  const { query, variables = null, operationName = null, extensions = null } = source;
  if (typeof query !== 'string' || extensions !== null) return null;
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName !== null && typeof operationName !== 'string') return null;
  return { query, variables: variables as Record<string, unknown> | null, operationName };
}

function paramsOfBody(body: string): Params | null {
  try {
    return plainParams(JSON.parse(body) as Record<string, unknown>);
  } catch {
    return null;
  }
}

function paramsOfUrl(url: string): Params | null {
  const search = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  const query = search.get('query');
  const variables = search.get('variables');
  if (query === null || search.has('extensions')) return null;
  try {
    return plainParams({ query, ...(variables === null ? {} : { variables: JSON.parse(variables) as unknown }), ...(search.has('operationName') ? { operationName: search.get('operationName') } : {}) });
  } catch {
    return null;
  }
}

export interface FastLane {
  /** The Node request listener: the lane, in front of Yoga's adapter. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** How many requests the lane has answered itself. */
  answered(): number;
}

export function createFastLane(deps: FastLaneDeps): FastLane {
  const headers = new AnswerHeaders();
  let answeredHere = 0;

  /** Yoga answers, with the body already read; when its answer is known to be a success, its headers teach the request's class. */
  const handOver = (req: IncomingMessage, res: ServerResponse, body: string | typeof ABORTED_BODY | null, learnClass: string | null): undefined => {
    if (body !== null) handBodyToYoga(req, body);
    if (learnClass !== null) headers.learnFrom(res, learnClass, () => deps.handed.wasTaken(req));
    void deps.yoga(req, res);
    return undefined;
  };

  const candidate = (req: IncomingMessage): boolean => {
    const { method, url } = req;
    if (method === 'POST') {
      const length = Number(req.headers['content-length']);
      if (url !== deps.endpoint || !(length <= deps.maxRequestBytes) || !isJsonParams(req.headers['content-type'])) return false;
    } else if (method !== 'GET' || url === undefined || !url.startsWith(`${deps.endpoint}?`)) {
      return false;
    }
    for (const name of YOGA_ONLY_HEADERS) if (req.headers[name] !== undefined) return false;
    return true;
  };

  const answer = (req: IncomingMessage, res: ServerResponse, template: AnswerTemplate, body: Buffer, etag: string | null, context: RequestContext, operation: OperationInfo): void => {
    template.write(res, body, context.requestId, etag);
    answeredHere += 1;
    const answered: AnsweredRequest = { method: req.method!, path: deps.endpoint, operation, status: 200, cacheHit: etag !== null };
    // Inside the request's context, as the plugins log and count: the same line, field for field.
    runInRequestContext(context, () => {
      deps.logAnswer(answered, context);
      deps.observeAnswer?.(answered, context);
    });
  };

  /** Runs `decide`; whatever goes wrong before an answer is written, Yoga can still answer. */
  const guarded = (req: IncomingMessage, res: ServerResponse, context: RequestContext, client: string, body: string, read: string | null): void => {
    const recover = (error: unknown): void => {
      if (res.headersSent) res.destroy(error as Error);
      else handOver(req, res, read, null);
    };
    try {
      decide(req, res, context, client, body, read)?.catch(recover);
    } catch (error) {
      recover(error);
    }
  };

  /** The lane's answer, or Yoga's: see the module's comment for the order of the checks. Asynchronous only when execution is. */
  const decide = (req: IncomingMessage, res: ServerResponse, context: RequestContext, client: string, body: string, read: string | null): Promise<void> | undefined => {
    const accept = req.headers.accept;
    const classKey = requestClass(req.method!, accept, req.headers['content-type'], req.headers.origin);
    const keptTemplate = headers.template(classKey, 'kept');
    const kept = keptTemplate === undefined ? undefined : deps.cache.replay(deps.cache.rawKey(req.method!, req.url!, accept, req.headers['content-type'], body));
    if (kept !== undefined) {
      answer(req, res, keptTemplate!, kept.body, kept.etag, context, req.method === 'GET' ? operationOfUrl(req.url!) : operationOfBody(body));
      return undefined;
    }
    const params = req.method === 'GET' ? paramsOfUrl(req.url!) : paramsOfBody(body);
    const document = params === null ? undefined : deps.documents.get(params.query);
    const prepared = deps.prepared.current;
    if (params === null || document === undefined || prepared === null || getOperationAST(document, params.operationName)?.operation !== 'query') return handOver(req, res, read, null);
    const cost = knownCost(document, params.operationName);
    if (cost === undefined || !variablesWithinNesting(params.variables) || deps.limits.busy() || variableErrors(deps.schema, document, params.operationName, params.variables)) return handOver(req, res, read, null);
    const key = deps.cache.resultKey(accept, params.operationName, params.variables, params.query);
    // Kept already (asked differently, e.g. other whitespace): the response cache answers it.
    if (deps.cache.keeps(key)) return handOver(req, res, read, null);
    const settle = (result: ExecutionResult): void => {
      // Refused before execution (graphql-jit's variable checks): Yoga says why.
      if (!('data' in result)) return handOver(req, res, read, null);
      const freshTemplate = headers.template(classKey, 'fresh');
      const stringify = (result as { stringify?: (result: ExecutionResult) => Buffer }).stringify;
      // A result with errors, a class not learnt yet, or one seen before (the response cache's second-sighting
      // rule: Yoga keeps it): Yoga answers, with the result computed here.
      if (result.errors !== undefined || freshTemplate === undefined || stringify === undefined || deps.cache.admits(key)) {
        deps.handed.hand(req, result, document, params.operationName, stableStringify(params.variables));
        return handOver(req, res, read, result.errors === undefined ? classKey : null);
      }
      deps.limits.chargeCost(client, cost);
      answer(req, res, freshTemplate, stringify(result), null, context, operationOfParams(params.query, params.operationName));
    };
    const executed = runInRequestContext(context, () => prepared.prepare(document, params.operationName).execute(undefined, deps.context(client), params.variables));
    if (isPromise(executed)) return executed.then(settle);
    settle(executed);
    return undefined;
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (!candidate(req)) {
      void deps.yoga(req, res);
      return;
    }
    const context = newRequestContext(req.headers[REQUEST_ID_HEADER] as string | undefined);
    const client = deps.clientAddress(req);
    context.remoteAddress = client;
    const forwardedFor = req.headers['x-forwarded-for'];
    if (typeof forwardedFor === 'string') context.forwardedFor = forwardedFor.slice(0, 256);
    // The client's point first, before its body is read, as the plugin spends it.
    deps.limits.admit(req, client).then(
      (admitted) => {
        if (!admitted) return handOver(req, res, null, null);
        if (req.method !== 'POST') return guarded(req, res, context, client, '', null);
        readNodeBody(req, (read) => (read === ABORTED_BODY ? handOver(req, res, read, null) : guarded(req, res, context, client, read, read)));
      },
      // Nothing was read or written yet: Yoga answers.
      () => void deps.yoga(req, res),
    );
  };
  return { listener, answered: () => answeredHere };
}
