import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface MetricsServerOptions {
  readonly registry: Registry;
  readonly port: number;
  readonly host: string;
  /** Applied to the exposition text before it is sent (see secret-scrubber.ts). */
  readonly scrub?: (text: string) => string;
}

/**
 * Serves `GET /metrics` (Prometheus text format) on its own port, apart from the public API: a
 * scraper reaches every replica directly, and the load balancer never exposes process internals.
 */
export async function startMetricsServer({ registry, port, host, scrub = (text) => text }: MetricsServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics are served at GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : scrub(text)),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(scrub(`metrics collection failed: ${error instanceof Error ? error.message : String(error)}\n`)),
    );
  });
  // Scrapers reconnect per scrape or keep one connection: either way nothing here should hold shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
