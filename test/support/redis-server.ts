import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a test says when it cannot run Redis: one line, with the way to get it. */
export const REDIS_MISSING =
  'redis-server not found on PATH: the replication tests run a real Redis; install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) and run the tests again';

export interface RedisServerOptions {
  /** Sets `requirepass`: the URL then carries it, as a production REDIS_URL would. */
  readonly password?: string;
  /** The executable (default `redis-server`, looked up on PATH). */
  readonly command?: string;
}

/** A real `redis-server` on 127.0.0.1 that a test can stop and start again on the same port. */
export class RedisServer {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly options: RedisServerOptions,
  ) {}

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), options);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://${this.options.password ? `:${encodeURIComponent(this.options.password)}@` : ''}127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const auth = this.options.password ? ['--requirepass', this.options.password] : [];
    const child = spawn(this.options.command ?? 'redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...auth], { stdio: 'ignore' });
    this.child = child;
    const spawned = await new Promise<Error | null>((resolve) => {
      child.once('spawn', () => resolve(null));
      child.once('error', resolve);
    });
    if (spawned !== null) {
      this.child = null;
      throw (spawned as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(REDIS_MISSING) : spawned;
    }
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }
}
