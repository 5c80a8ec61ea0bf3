/**
 * The real app (Yoga + Pothos + the catalogue) serving the bundled 2026-06 snapshot, with no
 * network and no timers, on a random port of 127.0.0.1. Prints `{"port": N}` on stdout when ready.
 * `--service-token <token>` accepts outcome reports; on SIGUSR2 it prints one line of what it holds
 * (`{"rssMb", "heapUsedMb", "standings", "cpuMs"}`) after a garbage collection when node runs with --expose-gc.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.js';
import { createCatalogue } from '../../src/catalogue/catalogue.js';
import { createHttpServer } from '../../src/http/server.js';
import { parseOperatorConfig } from '../../src/config/operator-config.js';
import { silentLogger } from '../../src/logger.js';
import { UpstreamError } from '../../src/openrouter/http.js';

const catalogue = createCatalogue({
  operator: parseOperatorConfig('', 'bench'),
  upstream: {
    fetchModels: async () => {
      throw new UpstreamError('transport', 'offline benchmark');
    },
    enrich: async (configs, book) => ({ configs: [...configs], book, report: { selected: 0, failures: 0, failRatio: 0, degraded: false, gatedCount: 0, failuresByKind: {}, durationMs: 0 } }),
  },
  dataDir: null,
  bundledModelsPath: fileURLToPath(new URL('../../assets/openrouter-models.json', import.meta.url)),
  logger: silentLogger,
});
catalogue.parts.scheduler.setEnabled(false);
await catalogue.start();
// For throughput, the per-client limit stays on (its cost is part of every request) but high enough never
// to refuse the benchmark's single client address. `--default-limits` (bench/abuse.bench.ts) keeps the
// defaults a deployment gets.
const defaultLimits = process.argv.includes('--default-limits');
const tokenAt = process.argv.indexOf('--service-token');
const serviceToken = tokenAt > 0 ? process.argv[tokenAt + 1]! : null;
const app = createApp({ catalogue, adminToken: null, serviceToken, logger: silentLogger, graphiql: false, ...(defaultLimits ? {} : { limits: { pointsPerSecond: 1e9, maxConcurrentExecutions: 1e6 } }) });
const server = createHttpServer(app);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, standings: catalogue.parts.standings.size, cpuMs: (user + system) / 1000 })}\n`);
});
