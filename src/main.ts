import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { createApp } from './app.js';
import { createCatalogue } from './catalogue/catalogue.js';
import { openRouterUpstream } from './catalogue/upstream.js';
import { CONSOLE_PATH, ConsoleNotBuiltError, loadConsoleSite, type ConsoleSite } from './http/console.js';
import { createHttpServer } from './http/server.js';
import { loadOperatorConfig, OperatorConfigError } from './config/operator-config.js';
import { EnvError, parseEnv, type Env } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { auditAdminRefreshes } from './observability/admin-audit.js';
import { createMetrics } from './observability/metrics.js';
import { startMetricsServer } from './observability/metrics-server.js';
import { secretScrubber } from './observability/secret-scrubber.js';
import { handleShutdownSignals } from './process-signals.js';
import { stopRefreshing } from './stop-refreshing.js';

const BUNDLED_MODELS = fileURLToPath(new URL('../assets/openrouter-models.json', import.meta.url));
/**
 * Where `npm run build` puts the console page: `dist/console/`, found from `dist/main.js` (npm start, the
 * image) and from `src/main.ts` (npm run dev) alike, both being one level below the project.
 */
const CONSOLE_DIR = fileURLToPath(new URL('../dist/console/', import.meta.url));

/**
 * The process entry point: reads the environment and operator file, composes the catalogue over a
 * real undici dispatcher, serves HTTP, and owns shutdown.
 */
async function main(): Promise<void> {
  let env: Env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  let operator;
  try {
    operator = await loadOperatorConfig(env.CATALOGUE_CONFIG, { apiKeyOverride: env.OPENROUTER_API_KEY, refreshIntervalHoursOverride: env.REFRESH_INTERVAL_HOURS });
  } catch (error) {
    if (error instanceof OperatorConfigError) fail(error.message);
    throw error;
  }
  const apiKey = operator.secrets.openRouterApiKey;
  const redisPassword = env.REDIS_URL ? decodeURIComponent(new URL(env.REDIS_URL).password) || null : null;
  const secrets = [apiKey, env.ADMIN_TOKEN, env.SERVICE_TOKEN, redisPassword, ...operator.secrets.credentialStrings];
  const logger = createLogger({ level: env.LOG_LEVEL, secrets });
  const metrics = env.METRICS_PORT === 'off' ? null : createMetrics();
  // Listening for signals from the start: a container stopped while it boots still exits cleanly.
  let shutdown: ((signal: string) => Promise<void>) | null = null;
  handleShutdownSignals({
    logger,
    shutdown: async (signal) => {
      if (shutdown) return shutdown(signal);
      logger.info(`${signal} received while starting: exiting`);
      process.exit(0);
    },
  });
  let consoleSite: ConsoleSite | null = null;
  try {
    consoleSite = env.CONSOLE ? loadConsoleSite(CONSOLE_DIR) : null;
  } catch (error) {
    if (error instanceof ConsoleNotBuiltError) fail(error.message);
    throw error;
  }
  for (const warning of operator.warnings) logger.warn(warning);
  if (env.ADMIN_TOKEN === undefined) logger.warn('ADMIN_TOKEN is not set: refreshCatalogue is refused for everyone');
  if (env.SERVICE_TOKEN === undefined) logger.info('SERVICE_TOKEN is not set: reportModelOutcome is refused for everyone, so Auto learns of no failed call');

  const dispatcher = new Agent({ connections: 32 });
  // Loaded only with Redis: the client library is a tenth of the start-up time of a process that has none.
  const redis = env.REDIS_URL ? await import('./replication/redis-replication.js') : null;
  const catalogue = createCatalogue({
    operator,
    upstream: openRouterUpstream({ dispatcher, baseUrl: env.OPENROUTER_BASE_URL, apiKey }),
    dataDir: env.DATA_DIR,
    bundledModelsPath: BUNDLED_MODELS,
    logger,
    ...(metrics ? { observer: metrics.catalogueObserver } : {}),
    outcomeSettings: { cooldownSeconds: env.COOLDOWN_SECONDS, maxCooldownSeconds: env.COOLDOWN_MAX_SECONDS },
    // With Redis, replicas share one catalogue and one refresher; without it, this process is on its own.
    replication: redis ? redis.redisReplication({ redisUrl: env.REDIS_URL!, leaseTtlMs: env.REDIS_LEASE_TTL_MS, ...(env.REPLICA_ID ? { replicaId: env.REPLICA_ID } : {}) }) : null,
  });
  const replication = redis && catalogue.replication instanceof redis.RedisReplication ? catalogue.replication : null;
  metrics?.watchCatalogue(catalogue, replication);
  const audited = auditAdminRefreshes(catalogue, { logger, replica: replication?.replicaId ?? env.REPLICA_ID ?? hostname() });

  let shuttingDown = false;
  const app = createApp({
    catalogue: audited,
    adminToken: env.ADMIN_TOKEN ?? null,
    serviceToken: env.SERVICE_TOKEN ?? null,
    logger,
    graphiql: env.GRAPHIQL,
    isShuttingDown: () => shuttingDown,
    corsOrigins: env.CORS_ORIGINS,
    maxQueryCost: env.MAX_QUERY_COST,
    limits: { pointsPerSecond: env.RATE_LIMIT_POINTS_PER_SECOND, maxConcurrentExecutions: env.MAX_CONCURRENT_EXECUTIONS, trustedProxyHops: env.TRUST_PROXY_HOPS },
    metricsRegistry: metrics?.registry ?? null,
    console: consoleSite,
  });
  const server = createHttpServer(app);
  await catalogue.start();
  await listen(server, env.PORT, env.HOST).catch((error: unknown) => fail(`cannot serve the API on ${env.HOST}:${env.PORT}: ${describe(error)}`));
  const metricsHost = env.METRICS_HOST ?? env.HOST;
  const metricsServer =
    metrics && env.METRICS_PORT !== 'off'
      ? await startMetricsServer({ registry: metrics.registry, port: env.METRICS_PORT, host: metricsHost, scrub: secretScrubber(secrets) }).catch((error: unknown) =>
          fail(`cannot serve metrics on ${metricsHost}:${env.METRICS_PORT} (set METRICS_PORT to another port, or off): ${describe(error)}`),
        )
      : null;
  if (metricsServer) logger.info('metrics listening', { url: urlOf(metricsServer, metricsHost, '/metrics') });
  logger.info('llm-catalogue listening', { url: urlOf(server, env.HOST, '/graphql'), graphiql: env.GRAPHIQL, console: consoleSite ? urlOf(server, env.HOST, CONSOLE_PATH) : null });

  shutdown = async (signal: string): Promise<void> => {
    shuttingDown = true;
    logger.info(`${signal} received: shutting down`, { graceMs: env.SHUTDOWN_GRACE_MS });
    const forced = setTimeout(() => {
      logger.error('shutdown grace period elapsed: exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS);
    forced.unref();
    // Order matters: stop refreshing (its file write is atomic), stop accepting, drain, then close outbound connections.
    const { cut } = await stopRefreshing(catalogue, dispatcher, { logger, budgetMs: Math.min(2_000, env.SHUTDOWN_GRACE_MS / 4) });
    await closeServer(server, Math.min(2_000, env.SHUTDOWN_GRACE_MS / 2));
    await app.yoga.dispose();
    if (!cut) await dispatcher.close();
    if (metricsServer) await closeServer(metricsServer, 0);
    logger.info('shutdown complete');
    process.exit(0);
  };
}

function urlOf(server: Server, host: string, path: string): string {
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${(server.address() as { port: number }).port}${path}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops accepting, lets requests in flight finish, then cuts what is left: idle keep-alive sockets at
 * once, and after `drainMs` long-lived streams (SSE subscriptions never end on their own).
 */
function closeServer(server: Server, drainMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), drainMs).unref();
  });
}

function fail(message: string): never {
  process.stderr.write(`llm-catalogue: ${message}\n`);
  process.exit(1);
}

await main();
