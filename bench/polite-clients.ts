/**
 * The well-behaved side of the abuse benchmarks: eight clients (127.0.0.2-9, as eight users'
 * browsers) each sending the model selector's query 8 times a second, within their budget, and
 * recording every latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { percentile } from './stats.js';

export const SELECTOR = JSON.stringify({
  query: 'query Selector { llmConfigs(orderBy: QUALITY_DESC, includeAuto: true) { id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score } } }',
});

export interface Run {
  readonly latencies: number[];
  readonly failures: number;
}

/** Starts a bench script under tsx (NODE_FLAGS and `nodeFlags` go to node), its stdout piped. */
export function spawnScript(script: string, args: string[], nodeFlags: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...(process.env.NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== ''), ...nodeFlags, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}

/** The first line a child prints. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('\n')) resolve(buffered.slice(0, buffered.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

export class PoliteClients {
  private readonly agents = Array.from({ length: 8 }, (_, i) => new Agent({ localAddress: `127.0.0.${2 + i}`, connections: 1 }));

  constructor(private readonly base: string) {}

  /** Each client sends the selector query every 125 ms for `seconds`; every latency in ms. */
  async selectorLatencies(seconds: number): Promise<Run> {
    const latencies: number[] = [];
    let failures = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      this.agents.map(async (agent) => {
        while (Date.now() < deadline) {
          const started = process.hrtime.bigint();
          const response = await request(`${this.base}/graphql`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' }, body: SELECTOR });
          await response.body.arrayBuffer();
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          latencies.push(elapsed);
          if (response.statusCode !== 200) failures += 1;
          // 8 requests a second: well within the default budget of 20 points a second, even for the client
          // that pays for the first, uncached answers.
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 125 - elapsed)));
        }
      }),
    );
    return { latencies, failures };
  }

  close(): Promise<void[]> {
    return Promise.all(this.agents.map((agent) => agent.close()));
  }
}


/** One line of a results table: requests, p50, p99, non-200 answers. */
export function row(name: string, run: Run): string {
  return `${name.padEnd(30)} ${String(run.latencies.length).padStart(7)} ${percentile(run.latencies, 50).toFixed(2).padStart(8)} ${percentile(run.latencies, 99).toFixed(2).padStart(8)} ${String(run.failures).padStart(8)}`;
}
