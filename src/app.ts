import type { IncomingMessage, ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, GraphQLError } from 'graphql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { CatalogueApi } from './catalogue/refresh-types.js';
import { createContext, type GraphQLContext } from './context.js';
import type { Logger } from './logger.js';
import { executeFast, fastPathEligible } from './http/fast-path.js';
import { readBody, requestKey, sendCached, sendJson, sendResponse, toHeaders, toUrl } from './http/node-io.js';
import { CachedResponse, ResponseCache } from './http/response-cache.js';
import { cacheVerdictPlugin, variableErrorsPlugin, type ServerContext } from './http/yoga-plugins.js';
import { schema } from './schema/index.js';

export interface AppDeps {
  readonly catalogue: CatalogueApi;
  readonly adminToken: string | null;
  readonly logger: Logger;
  /** Serve GraphiQL on `GET /graphql` from a browser. */
  readonly graphiql: boolean;
  /** Largest accepted request body; larger ones get 413 before any parsing. */
  readonly maxRequestBytes?: number;
  readonly isShuttingDown?: () => boolean;
}

export interface App {
  readonly yoga: YogaServerInstance<ServerContext, GraphQLContext>;
  readonly responseCache: ResponseCache;
  /** Node request handler: `/graphql`, `/healthz`, `/readyz`, 404 for anything else. */
  readonly requestListener: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A legitimate selector query is ~1 KiB; 64 KiB leaves room for big hand-written queries. */
export const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

/**
 * Query limits: generous for real clients and GraphiQL's introspection, tight for abuse. Depth
 * applies to introspection too (deeply nested `ofType` chains are the classic introspection abuse);
 * cost does not, because the standard introspection query alone costs ~87,000 by armor's formula.
 */
export const QUERY_LIMITS = { maxDepth: 15, maxAliases: 30, maxTokens: 4000, maxDirectives: 20, maxCost: 5000 } as const;

/**
 * Builds the HTTP application from its dependencies. It listens nowhere: main.ts and tests decide
 * where requests come from.
 */
export function createApp(deps: AppDeps): App {
  const { logger } = deps;
  const rejected = (kind: string) => (_ctx: unknown, error: GraphQLError) => logger.warn(`query rejected by ${kind} limit`, { reason: error.message });
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(request, deps),
    // GraphiQL helps people explore; the landing page would only advertise Yoga.
    graphiql: deps.graphiql ? { title: 'llm-catalogue' } : false,
    landingPage: false,
    batching: false,
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = innermostError(error);
        // Errors we raise on purpose (GraphQLError) reach the client; anything else is a bug to log, never to show.
        if (!(original instanceof GraphQLError)) logger.error('internal error while serving a request', { error: original });
        return maskError(error, message, isDev);
      },
    },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins: [
      variableErrorsPlugin,
      // Compiles each validated query to a JS function once and reuses it: ~6x faster execution than
      // interpreting it on every request (bench/RESULTS.md). Mutations are rare, admin-only and
      // keep graphql-js's full error locations.
      useGraphQlJit({}, { enableIf: ({ document, operationName }) => getOperationAST(document, operationName)?.operation === 'query' }),
      cacheVerdictPlugin,
      EnvelopArmorPlugin({
        maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true, onReject: [rejected('depth')] },
        maxAliases: { n: QUERY_LIMITS.maxAliases, onReject: [rejected('alias')] },
        maxTokens: { n: QUERY_LIMITS.maxTokens, onReject: [rejected('token')] },
        maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: [rejected('directive')] },
        costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, onReject: [rejected('cost')] },
        blockFieldSuggestion: { enabled: true },
      }),
    ],
  });
  const maxBytes = deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const responseCache = new ResponseCache();
  const requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, { yoga, maxBytes, deps, responseCache }).catch((error: unknown) => {
      logger.error('request handling failed', { error });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
  return { yoga, responseCache, requestListener };
}

/**
 * The catalogue state every response depends on: the served version and the last refresh report
 * (which changes on a failed refresh without a new version). Responses are cached under it.
 */
function stateStamp(catalogue: CatalogueApi): string {
  return `${catalogue.current()?.version ?? 0}:${catalogue.lastRefresh()?.finishedAt ?? 0}`;
}

function innermostError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

interface RouteContext {
  readonly yoga: App['yoga'];
  readonly maxBytes: number;
  readonly deps: AppDeps;
  readonly responseCache: ResponseCache;
}

async function route(req: IncomingMessage, res: ServerResponse, { yoga, maxBytes, deps, responseCache }: RouteContext): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (path === '/readyz') {
    const ready = deps.catalogue.current() !== null && !(deps.isShuttingDown?.() ?? false);
    return sendJson(res, ready ? 200 : 503, { ready });
  }
  if (path !== '/graphql') return sendJson(res, 404, { error: `no such path: ${path}; the API is at /graphql` });
  const body = await readBody(req, maxBytes);
  if (body === 'too-large') {
    return sendJson(res, 413, { errors: [{ message: `request body exceeds ${maxBytes} bytes`, extensions: { code: 'REQUEST_TOO_LARGE' } }] });
  }
  // Only anonymous GET and POST queries are cached: anything carrying credentials never is.
  const cacheKey = req.headers.authorization === undefined && (req.method === 'GET' || req.method === 'POST') ? requestKey(req, body) : null;
  const stamp = stateStamp(deps.catalogue);
  if (cacheKey !== null) {
    const hit = responseCache.get(stamp, cacheKey);
    if (hit) return sendCached(req, res, hit);
  }
  if (cacheKey !== null && body !== null && fastPathEligible(req)) {
    const fastVerdict = { cacheable: false };
    const fast = await executeFast(yoga, body, fastVerdict);
    if (fast !== null) {
      const entry = fastVerdict.cacheable ? responseCache.set(stamp, cacheKey, 200, fast.headers, fast.body) : new CachedResponse(200, fast.headers, fast.body);
      return sendCached(req, res, entry);
    }
  }
  const verdict = { cacheable: false };
  const init: RequestInit = { method: req.method ?? 'GET', headers: toHeaders(req), ...(body ? { body: new Uint8Array(body) } : {}) };
  const response = await yoga.fetch(toUrl(req), init, { cacheVerdict: verdict });
  if (cacheKey !== null && verdict.cacheable && response.status === 200) {
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    return sendCached(req, res, responseCache.set(stamp, cacheKey, response.status, headers, Buffer.from(await response.arrayBuffer())));
  }
  res.setHeader('cache-control', 'no-store');
  await sendResponse(res, response);
}

