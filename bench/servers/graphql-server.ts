/**
 * The real app (Yoga + Pothos + the catalogue) wired as src/main.ts wires it in production: the pino
 * logger at `info` on stderr (one access-log line per request) and the Prometheus registry with the
 * HTTP metrics plugin. It serves bench/servers/bench-catalogue.ts, with no network and no timers, on
 * a random port of 127.0.0.1, and prints `{"port": N}` on stdout when ready.
 *
 *   graphql-server.ts [--scale N] [--default-limits] [--log-level info|warn|…]
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger, type LogLevel } from '../../src/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { benchVersion, staticCatalogue } from './bench-catalogue.js';

const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt < 0 ? 1 : Number(process.argv[scaleAt + 1]);
const catalogue = staticCatalogue(await benchVersion(scale));
const levelAt = process.argv.indexOf('--log-level');
const logger = createLogger({ level: levelAt < 0 ? 'info' : (process.argv[levelAt + 1] as LogLevel) });
const metrics = createMetrics();
metrics.watchCatalogue(catalogue);
// For throughput, the per-client limit stays on (its cost is part of every request) but high enough never
// to refuse the benchmark's single client address. `--default-limits` (bench/abuse.bench.ts) keeps the
// defaults a deployment gets.
const defaultLimits = process.argv.includes('--default-limits');
const tokenAt = process.argv.indexOf('--service-token');
const serviceToken = tokenAt > 0 ? process.argv[tokenAt + 1]! : null;
const app = createApp({
  catalogue,
  adminToken: null,
  serviceToken,
  logger,
  graphiql: false,
  metricsRegistry: metrics.registry,
  // Without the defaults, the cost limit is raised too, as an operator answering every field of every config would (MAX_QUERY_COST).
  ...(defaultLimits ? {} : { limits: { pointsPerSecond: 1e9, maxConcurrentExecutions: 1e6 }, maxQueryCost: 1_000_000 }),
});
const server = createHttpServer(app);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, standings: catalogue.book.size, cpuMs: (user + system) / 1000 })}\n`);
});
