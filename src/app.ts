import type { IncomingMessage, ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { CatalogueApi } from './catalogue/refresh-types.js';
import { usePreparedExecution } from './execution/execution-plugin.js';
import { LazyPreparedOperations } from './execution/lazy-execution.js';
import { createContext, type GraphQLContext } from './context.js';
import { createCredentialGate } from './http/bearer-auth.js';
import { clientAddress, type NodeServerContext } from './http/client-address.js';
import { createClientLimits, DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/client-limits.js';
import { useConsole, type ConsoleSite } from './http/console.js';
import { corsOptions, varyPlugin, type CorsOrigins } from './http/cors.js';
import { createGraphiQLPage } from './http/graphiql.js';
import { DEFAULT_MAX_QUERY_COST, useQueryCost } from './http/query-cost.js';
import { isClientAbort } from './http/client-aborts.js';
import { bodyText, useBoundedBody } from './http/request-body.js';
import { useRequestShapeLimits } from './http/request-shape.js';
import { createResponseCache, servedFromResponseCache, type CatalogueResponseCache } from './http/response-cache.js';
import { pathOf } from './http/url.js';
import { variableErrorsPlugin } from './http/variable-errors.js';
import type { Logger } from './logger.js';
import { useAccessLog } from './observability/access-log-plugin.js';
import { useHttpMetrics } from './observability/metrics-plugin.js';
import type { Registry } from 'prom-client';
import { schema } from './schema/index.js';

// For tests of the logging and metrics plugins: whether an answer came from the response cache.
export { servedFromResponseCache } from './http/response-cache.js';
export type { HttpLimits } from './http/client-limits.js';

export interface AppDeps {
  readonly catalogue: CatalogueApi;
  readonly adminToken: string | null;
  /** Bearer token of the chat backend's outcome reports (`SERVICE_TOKEN`); none: reports are refused. */
  readonly serviceToken?: string | null;
  readonly logger: Logger;
  /** Serve GraphiQL on `GET /graphql` from a browser. */
  readonly graphiql: boolean;
  /** Largest accepted request body; larger ones get 413 before any parsing. */
  readonly maxRequestBytes?: number;
  /** Largest query cost accepted (`MAX_QUERY_COST`; default `QUERY_LIMITS.maxCost`). */
  readonly maxQueryCost?: number;
  readonly isShuttingDown?: () => boolean;
  /** Origins whose pages may read the API (`CORS_ORIGINS`); default any. */
  readonly corsOrigins?: CorsOrigins;
  /** Execute queries through prepared operations and serialised fragments (default true; off only to prove parity with Yoga's own executor). */
  readonly preparedExecution?: boolean;
  /** Replay repeated requests from the response cache before Yoga parses them (default true; off only to prove parity). */
  readonly replayCachedResponses?: boolean;
  /** Per-client and process-wide limits; see src/http/client-limits.ts. */
  readonly limits?: Partial<HttpLimits>;
  /** Where HTTP request metrics are registered (served by the metrics server); none without it. */
  readonly metricsRegistry?: Registry | null;
  /** The console page served under /console (`CONSOLE`); none without it. */
  readonly console?: ConsoleSite | null;
}

export interface App {
  readonly yoga: YogaServerInstance<NodeServerContext, GraphQLContext>;
  /** Node request handler for `http.createServer`: Yoga's own Node adapter. */
  readonly requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly responseCache: CatalogueResponseCache;
  /** Compiled operations and serialised fragments, loaded with the first query (absent when `preparedExecution` is off). */
  readonly prepared: LazyPreparedOperations | null;
}

export const GRAPHQL_ENDPOINT = '/graphql';
export const READINESS_ENDPOINT = '/readyz';
export const LIVENESS_ENDPOINT = '/healthz';

/** A legitimate selector query is ~1 KiB; 64 KiB leaves room for big hand-written queries. */
export const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

/** Fields whose value moves with the clock, not the catalogue: never cached, never part of a serialised fragment. */
const CLOCK_DEPENDENT = ['CatalogueStatus.ageSeconds'];
/**
 * Types whose objects are immutable (a catalogue version's configs: a new version brings new objects)
 * and whose fields depend on the object alone: answers write them from serialised fragments
 * (src/execution/fragment-plans.ts). A field added to them that reads the context or the clock must be
 * listed in REQUEST_DEPENDENT or CLOCK_DEPENDENT.
 */
const IMMUTABLE_TYPES = ['LlmConfig'];
/**
 * Fields of those types that read the request (the standings it sees, the requirements of its listing):
 * a config selected with any of them is executed for each request, not written from a fragment. Without
 * this, every answer would first try a fragment per config and fail on the context read (the every-field
 * workload of bench:throughput paid that on each request).
 */
const REQUEST_DEPENDENT = ['LlmConfig.availability', 'LlmConfig.cooldownUntil', 'LlmConfig.blockedReason'];

/**
 * Query limits: generous for real clients and GraphiQL's introspection, tight for abuse. Depth
 * applies to introspection too (deeply nested `ofType` chains are the classic introspection abuse).
 * Cost counts lists at their size (src/http/query-cost.ts): the selector query costs ~3,750, a picker
 * with what a selector shows ~7,500, every field of every config ~33,000 (over the default `maxCost`:
 * an operator who wants that answered raises `MAX_QUERY_COST`).
 */
export const QUERY_LIMITS = { maxDepth: 15, maxAliases: 30, maxTokens: 4000, maxDirectives: 20, maxCost: DEFAULT_MAX_QUERY_COST, introspectionCost: 7_000 } as const;

/**
 * The catalogue state every response depends on: the served version, the last refresh report (which
 * changes on a failed refresh without a new version) and the standings (a report, or a cooldown that
 * ended, changes what Auto picks and what `availability` says). Cached responses are keyed under it.
 */
function stateStamp(catalogue: CatalogueApi): string {
  return `${catalogue.current()?.version ?? 0}:${catalogue.lastRefresh()?.finishedAt ?? 0}:${catalogue.standings().stamp()}`;
}

/**
 * Runs a plugin's request hook only for one path. useReadinessCheck matches every request against a
 * URLPattern when the path is not its own, which cost ~1.5% of every GraphQL request.
 */
function onPath(path: string, plugin: Plugin): Plugin {
  const { onRequest } = plugin;
  return {
    ...plugin,
    ...(onRequest ? { onRequest: (payload: Parameters<NonNullable<Plugin['onRequest']>>[0]) => (pathOf(payload.request.url) === path ? onRequest(payload) : undefined) } : {}),
  };
}

function innermostError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * Builds the HTTP application from its dependencies. It listens nowhere: main.ts and tests decide
 * where requests come from. Every HTTP concern is Yoga's or one of its plugins, listed in one place.
 */
export function createApp(deps: AppDeps): App {
  const { logger } = deps;
  const limits = { ...DEFAULT_HTTP_LIMITS, ...deps.limits };
  const rejected = (kind: string) => (_ctx: unknown, error: GraphQLError) => logger.warn(`query rejected by ${kind} limit`, { reason: error.message });
  const credentialGate = createCredentialGate({ tokens: { admin: deps.adminToken, service: deps.serviceToken ?? null }, logger, attemptsPerWindow: limits.adminAttemptsPerMinute, windowSeconds: 60 });
  const clientLimits = createClientLimits({ ...limits, logger });
  const responseCache = createResponseCache({ stamp: () => stateStamp(deps.catalogue), endpoint: GRAPHQL_ENDPOINT, replay: deps.replayCachedResponses ?? true, clockDependent: CLOCK_DEPENDENT });
  const prepared = (deps.preparedExecution ?? true) ? new LazyPreparedOperations(schema, { immutableTypes: IMMUTABLE_TYPES, clockDependent: [...CLOCK_DEPENDENT, ...REQUEST_DEPENDENT] }) : null;
  const graphiqlPage = createGraphiQLPage();
  const body = useBoundedBody(deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES, logger);
  const loggedErrors = new WeakSet<object>();

  // Order matters where hooks of the same kind meet: see each plugin's comment.
  const plugins: Plugin[] = [
    // First, so every request is logged and counted, including those answered early (cache replays, probes, limits).
    useAccessLog({ logger, isCacheHit: servedFromResponseCache, requestBody: bodyText, clientAddress: (request, serverContext) => clientAddress(serverContext as NodeServerContext, request, limits.trustedProxyHops) }),
    ...(deps.metricsRegistry ? [useHttpMetrics({ registry: deps.metricsRegistry, isCacheHit: servedFromResponseCache, requestBody: bodyText })] : []),
    clientLimits.plugin,
    ...(deps.console ? [useConsole(deps.console)] : []),
    // Reads POST bodies (bounded) before the response cache keys on them.
    body.read,
    // Its replay hook answers repeated requests here, before the plugins below run for them.
    ...responseCache.plugins,
    body.handOver,
    // Probes: never limited (client limits skip these paths) and never parsed.
    onPath(
      READINESS_ENDPOINT,
      useReadinessCheck({
        endpoint: READINESS_ENDPOINT,
        check: ({ fetchAPI }) => {
          const ready = deps.catalogue.current() !== null && !(deps.isShuttingDown?.() ?? false);
          return new fetchAPI.Response(JSON.stringify({ ready }), { status: ready ? 200 : 503, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
        },
      }),
    ),
    varyPlugin,
    graphiqlPage.plugin,
    EnvelopArmorPlugin({
      maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true, onReject: [rejected('depth')] },
      maxAliases: { n: QUERY_LIMITS.maxAliases, onReject: [rejected('alias')] },
      maxTokens: { n: QUERY_LIMITS.maxTokens, onReject: [rejected('token')] },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: [rejected('directive')] },
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: true },
    }),
    // After armor, whose token-limited parser it wraps; before the response cache, whose key walks
    // the variables, which must be bounded first.
    useRequestShapeLimits((context, source) => clientLimits.chargeNewDocument(clientAddress(context, (context as { request: Request }).request, limits.trustedProxyHops), source.length)),
    // Execution hooks run in this order; each may stop the request before the next.
    variableErrorsPlugin,
    useQueryCost({ maxCost: deps.maxQueryCost ?? QUERY_LIMITS.maxCost, introspectionCost: QUERY_LIMITS.introspectionCost, logger, onCost: (context, cost) => clientLimits.chargeCost(context.clientAddress, cost) }),
    // Sets the execute function; the response cache must come after it, as it wraps that function.
    ...(prepared ? [usePreparedExecution(prepared)] : []),
    ...responseCache.executionPlugins,
  ];

  const yoga = createYoga<NodeServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: LIVENESS_ENDPOINT,
    context: ({ request, req }) => createContext(request, clientAddress({ req }, request, limits.trustedProxyHops), { ...deps, credentialGate }),
    cors: corsOptions(deps.corsOrigins ?? '*'),
    graphiql: deps.graphiql,
    renderGraphiQL: graphiqlPage.render,
    // The landing page would only advertise Yoga.
    landingPage: false,
    batching: false,
    // No uploads: multipart bodies would only be a second, bigger way in.
    multipart: false,
    maxRequestBodySize: false,
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = innermostError(error);
        // Errors we raise on purpose (GraphQLError) reach the client; anything else is a bug to log, never to show.
        if (!(original instanceof GraphQLError) && !isClientAbort(original)) {
          logger.error('internal error while serving a request', { error: original });
          loggedErrors.add(error as object).add(original as object);
        }
        return maskError(error, message, isDev);
      },
    },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => {
        if (args.some(isClientAbort)) logger.debug('client went away mid-request');
        // Yoga logs a masked error again after maskError; once, with its stack, is enough.
        else if (!args.some((arg) => typeof arg === 'object' && arg !== null && loggedErrors.has(arg))) logger.error(args.map(String).join(' '));
      },
    },
    plugins,
  });

  return { yoga, requestListener: yoga as unknown as App['requestListener'], responseCache, prepared };
}
