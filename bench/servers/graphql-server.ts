/**
 * The real app (Yoga + Pothos + the catalogue) serving the bundled 2026-06 snapshot, with no
 * network and no timers, on a random port of 127.0.0.1. Prints `{"port": N}` on stdout when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.js';
import { createCatalogue } from '../../src/catalogue/catalogue.js';
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
const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false });
const server = createServer(app.requestListener);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
process.on('SIGTERM', () => process.exit(0));
