import { createServer, type Server } from 'node:http';
import type { App } from '../app.js';

/**
 * Node's HTTP server with Yoga as its request handler, and bounds on slow clients: a client has 10 s
 * to send its headers and 30 s for its whole request (Node's defaults, 60 s and 5 min, let a few
 * hundred trickling connections hold sockets for minutes). Responses, such as SSE streams, are not bounded.
 */
export function createHttpServer(app: Pick<App, 'requestListener'>): Server {
  const server = createServer(app.requestListener);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Longer than a load balancer's idle timeout, so the balancer closes idle connections, not the server.
  server.keepAliveTimeout = 65_000;
  return server;
}
