import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics.js';
import { currentOperation, pathOf, recordOperation, type RequestBodyText } from './operation-info.js';
import { currentRequestContext, withRequestContext } from './request-context.js';

export interface HttpMetricsOptions {
  /** The registry `/metrics` serves (`createMetrics().registry`). */
  readonly registry: Registry;
  /** Whether the answer to this request came from the response cache (the HTTP layer knows). */
  readonly isCacheHit: (request: Request) => boolean;
  /** Paths kept as labels; any other path is counted as `other`. */
  readonly paths?: readonly string[];
  readonly graphqlEndpoint?: string;
  /**
   * Distinct operation names kept as labels; later new names are counted as `other`. Names come
   * from clients, and every label value is a time series kept for the life of the process.
   */
  readonly maxOperationNames?: number;
  /** A POST's body as the host read it: names the operation of answers replayed before Yoga read it. */
  readonly requestBody?: RequestBodyText;
}

const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

/**
 * HTTP metrics for Prometheus: every request's duration by method, path, GraphQL operation (name
 * and type) and status (the histogram's `_count` is the request count), and response-cache hits
 * and misses of queries. Answers served from the response cache are counted and named too, though
 * Yoga parses nothing for them: from `onParams`, or for answers given even earlier (a replay in
 * `onRequest`, a `304`) from a GET's URL or the POST body the host read (`requestBody`). List it
 * first among the plugins, so its clock starts before any plugin answers.
 *
 * Not `@graphql-yoga/plugin-prometheus`: its HTTP histogram records only requests whose document
 * Yoga parsed (so never a response-cache hit, most of this API's traffic), and labels each with the
 * full URL, query string included (unbounded label values, and whatever a GET carries).
 */
export function useHttpMetrics({ registry, isCacheHit, paths = ['/graphql', '/healthz', '/readyz'], graphqlEndpoint = '/graphql', maxOperationNames = 100, requestBody }: HttpMetricsOptions): Plugin {
  const duration = existing<Histogram>(registry, `${METRIC_PREFIX}http_request_duration_seconds`) ??
    new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time to answer HTTP requests, by method, path, GraphQL operation name and type, and status.',
      labelNames: ['method', 'path', 'operation', 'type', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  const cache = existing<Counter>(registry, `${METRIC_PREFIX}response_cache_requests_total`) ??
    new Counter({ name: `${METRIC_PREFIX}response_cache_requests_total`, help: 'GraphQL queries answered from the response cache (hit) or not (miss).', labelNames: ['result'], registers: [registry] });
  cache.inc({ result: 'hit' }, 0);
  cache.inc({ result: 'miss' }, 0);

  const knownPaths = new Set(paths);
  const operationNames = new Set<string>();
  const operationLabel = (name: string | null, type: string | null): string => {
    if (type === null) return '';
    if (name === null) return 'anonymous';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= maxOperationNames) return 'other';
    operationNames.add(name);
    return name;
  };
  return {
    instrumentation: {
      // Starts the clock before any plugin's onRequest, including those that answer at once (health checks).
      request: ({ request }, wrapped) => withRequestContext(request, wrapped),
    },
    onParams({ params }) {
      recordOperation(params);
    },
    onResponse({ request, response }) {
      const context = currentRequestContext();
      if (!context) return;
      const pathname = pathOf(request);
      const path = knownPaths.has(pathname) ? pathname : 'other';
      const operation = currentOperation(request, requestBody);
      duration.observe(
        {
          method: METHODS.has(request.method) ? request.method : 'other',
          path,
          operation: operationLabel(operation.name, operation.type),
          type: operation.type ?? '',
          status: String(response.status),
        },
        (performance.now() - context.startedAt) / 1000,
      );
      if (operation.type === 'query' && path === graphqlEndpoint) cache.inc({ result: isCacheHit(request) ? 'hit' : 'miss' });
    },
  };
}

/** The metric already registered under `name`: a second Yoga instance on the same registry shares it. */
function existing<T>(registry: Registry, name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}
