import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How the server is started:
 * - `node`: `node dist/main.js`, as the container runs it (dist/ is built by test/support/build-once.ts);
 * - `npm`: `npm start`, exactly as the README says, in its own process group like a container's init;
 * - `tsx`: the TypeScript sources through tsx, as `npm run dev` does.
 */
export type Launcher = 'node' | 'npm' | 'tsx';

export interface StartOptions {
  readonly launcher?: Launcher;
}

export interface ServerProcess {
  /** The started process: node itself, or npm for the `npm` launcher. */
  readonly child: ChildProcess;
  readonly url: string;
  /** Where `/metrics` is served (its own port), or null when metrics are off. */
  readonly metricsUrl: string | null;
  readonly logs: string[];
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

const COMMANDS: Record<Launcher, readonly string[]> = {
  node: [process.execPath, '--enable-source-maps', 'dist/main.js'],
  npm: ['npm', 'start'],
  tsx: [process.execPath, '--import', 'tsx', 'src/main.ts'],
};

/**
 * Starts the real server as a child process on a random port and waits for its "listening" log line.
 * The environment is exactly `env` plus PATH (and HOME for npm): nothing leaks in from the test runner.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 20_000, options: StartOptions = {}): Promise<ServerProcess> {
  const launcher = options.launcher ?? 'node';
  const [command, ...args] = COMMANDS[launcher];
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', METRICS_PORT: '0', LOG_LEVEL: 'debug' };
  if (launcher === 'npm') Object.assign(base, { HOME: process.env.HOME ?? ROOT, npm_config_update_notifier: 'false', npm_config_fund: 'false' });
  const child = spawn(command!, args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: launcher === 'npm' });
  const logs: string[] = [];
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  let metricsUrl: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${logs.join('\n')}`)), timeoutMs);
    let buffered = '';
    child.stdout!.resume();
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        logs.push(line);
        if (line.includes('"metrics listening"')) metricsUrl = (JSON.parse(line) as { url: string }).url.replace('/metrics', '');
        if (line.includes('"llm-catalogue listening"')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { url: string }).url.replace('/graphql', ''));
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${logs.join('\n')}`));
    });
  });
  return { child, url, metricsUrl, logs, exited };
}

/** Pids of the live processes in a process group, read from /proc (Linux). */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

/** True when nothing listens on the port any more (we can bind it ourselves). */
export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
