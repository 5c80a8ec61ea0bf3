import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake upstream answers one request. */
export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) standing in for OpenRouter. Routes are matched
 * by exact path; anything else is a 404. Every request is recorded so tests can count upstream calls.
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, UpstreamHandler>();
  private fallbackHandler: UpstreamHandler | null = null;
  private server: Server | null = null;
  private lastPort: number | null = null;
  private readonly sockets = new Set<import('node:net').Socket>();

  route(path: string, handler: UpstreamHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Serves `body` as JSON (a string or bytes are sent as they are) at `path`. */
  json(path: string, body: unknown, status = 200, headers: Record<string, string> = {}): this {
    const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    return this.route(path, (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(bytes);
    });
  }

  /** Answers every path no route matches (e.g. each model's `/endpoints`); without it they are 404s. */
  fallback(handler: UpstreamHandler): this {
    this.fallbackHandler = handler;
    return this;
  }

  count(path: string): number {
    return this.requests.filter((request) => request.path === path).length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      this.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization });
      const handler = this.routes.get(path) ?? this.fallbackHandler;
      if (!handler) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"not found"}}');
        return;
      }
      Promise.resolve(handler(req, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.lastPort ?? 0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  /** The URL it listens on; after stop() it stays the same, so tests can aim at a closed port. */
  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (address) this.lastPort = address.port;
    if (this.lastPort === null) throw new Error('upstream not started');
    return `http://127.0.0.1:${this.lastPort}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
