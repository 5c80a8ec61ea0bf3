import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { createApp } from './app.js';
import { createHttpServer } from './http/server.js';
import { CatalogueService } from './catalogue/catalogue-service.js';
import { HealthCache, runEnrichmentCycle } from './catalogue/enrichment.js';
import { loadOperatorConfig, OperatorConfigError } from './config/operator-config.js';
import { EnvError, parseEnv, type Env } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { fetchModelEndpoints } from './openrouter/endpoints-client.js';
import { fetchModels } from './openrouter/models-client.js';
import { ReplicatedCatalogue } from './replication/redis-replication.js';

const BUNDLED_MODELS = fileURLToPath(new URL('../assets/openrouter-models.json', import.meta.url));

/**
 * The process entry point: reads the environment and operator file, wires the catalogue service
 * to a real undici dispatcher, serves HTTP, and owns shutdown.
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
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: [apiKey, env.ADMIN_TOKEN, redisPassword] });
  for (const warning of operator.warnings) logger.warn(warning);
  if (env.ADMIN_TOKEN === undefined) logger.warn('ADMIN_TOKEN is not set: refreshCatalogue is refused for everyone');

  const dispatcher = new Agent({ connections: 32 });
  let healthCache = new HealthCache();
  const service = new CatalogueService({
    operator,
    fetchModels: (signal) => fetchModels({ dispatcher, baseUrl: env.OPENROUTER_BASE_URL, apiKey }, signal),
    enrich: (configs, signal) =>
      runEnrichmentCycle(configs, {
        cache: healthCache,
        signal,
        fetchEndpoints: (modelId, fetchSignal) => fetchModelEndpoints(modelId, { dispatcher, baseUrl: env.OPENROUTER_BASE_URL, apiKey, ...(fetchSignal ? { signal: fetchSignal } : {}) }),
      }),
    healthCache: {
      toJSON: () => healthCache.toJSON(),
      restore: (json) => {
        healthCache = HealthCache.fromJSON(json);
      },
    },
    dataDir: env.DATA_DIR,
    bundledModelsPath: BUNDLED_MODELS,
    logger,
  });

  // With Redis, replicas share one catalogue and one refresher; without it, this process is on its own.
  const replicated = env.REDIS_URL
    ? new ReplicatedCatalogue({ service, redisUrl: env.REDIS_URL, logger, leaseTtlMs: env.REDIS_LEASE_TTL_MS, ...(env.REPLICA_ID ? { replicaId: env.REPLICA_ID } : {}) })
    : null;
  const catalogue = replicated ?? service;

  let shuttingDown = false;
  const app = createApp({
    catalogue,
    adminToken: env.ADMIN_TOKEN ?? null,
    logger,
    graphiql: env.GRAPHIQL,
    isShuttingDown: () => shuttingDown,
    corsOrigins: env.CORS_ORIGINS,
    limits: { pointsPerSecond: env.RATE_LIMIT_POINTS_PER_SECOND, maxConcurrentExecutions: env.MAX_CONCURRENT_EXECUTIONS, trustedProxyHops: env.TRUST_PROXY_HOPS },
  });
  const server = createHttpServer(app);
  await (replicated ?? service).start();
  await listen(server, env.PORT, env.HOST);
  logger.info('llm-catalogue listening', { url: `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${(server.address() as { port: number }).port}/graphql`, graphiql: env.GRAPHIQL });

  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) {
      logger.warn(`second ${signal}: exiting now`);
      process.exit(1);
    }
    shuttingDown = true;
    logger.info(`${signal} received: shutting down`, { graceMs: env.SHUTDOWN_GRACE_MS });
    const forced = setTimeout(() => {
      logger.error('shutdown grace period elapsed: exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS);
    forced.unref();
    // Order matters: stop refreshing (its file write is atomic), stop accepting, drain, then close outbound connections.
    await replicated?.stop();
    await service.stop();
    await closeServer(server, Math.min(2_000, env.SHUTDOWN_GRACE_MS / 2));
    await app.yoga.dispose();
    await dispatcher.close();
    logger.info('shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
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
