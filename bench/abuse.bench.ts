/**
 * Issue 12.6: a model selector's query must stay fast while abusive clients run. Eight well-behaved
 * clients (127.0.0.2-9, as eight users' browsers) each send the selector query 8 times a second,
 * within their budget, and record each latency, first alone, then while 8 abusive clients (127.0.0.10-17, in another process) send new expensive documents
 * (30 × __schema, 30 × llmConfigs, full introspection, every field of every config, fragment bombs)
 * as fast as they are answered. The server runs with the default limits, as a deployment does.
 * Prints p50/p99 of both phases and the ratio of the p99s (target ≤ 3).
 *
 *   npx tsx bench/abuse.bench.ts            (DURATION=10 ABUSERS=8 by default; NODE_FLAGS for the server)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';

const DURATION = Number(process.env.DURATION ?? 10);
const ABUSERS = Number(process.env.ABUSERS ?? 8);
const SELECTOR = JSON.stringify({
  query: 'query Selector { llmConfigs(orderBy: QUALITY_DESC, includeAuto: true) { id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score } } }',
});

function spawnScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [...(process.env.NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== ''), '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('\n')) resolve(buffered.slice(0, buffered.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

const server = spawnScript('./servers/graphql-server.ts', ['--default-limits', '--log-level', 'warn']);
const { port } = JSON.parse(await firstLine(server)) as { port: number };
const base = `http://127.0.0.1:${port}`;
const POLITE = Array.from({ length: 8 }, (_, i) => `127.0.0.${2 + i}`);
const agents = POLITE.map((address) => new Agent({ localAddress: address, connections: 1 }));

/** Each polite client sends the selector query every 125 ms for `seconds`; returns every latency in ms. */
async function selectorLatencies(seconds: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    agents.map(async (agent) => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        const response = await request(`${base}/graphql`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' }, body: SELECTOR });
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

await selectorLatencies(2); // warm-up: compile, cache
const alone = await selectorLatencies(DURATION);
const abusers = spawnScript('./abuse-clients.ts', [base, String(ABUSERS), String(DURATION + 2)]);
const abuseCounts = firstLine(abusers);
await new Promise((resolve) => setTimeout(resolve, 1000));
const loaded = await selectorLatencies(DURATION);
const counts = JSON.parse(await abuseCounts) as Record<string, number>;
server.kill('SIGTERM');
await Promise.all(agents.map((agent) => agent.close()));

const row = (name: string, run: { latencies: number[]; failures: number }) =>
  `${name.padEnd(30)} ${String(run.latencies.length).padStart(7)} ${percentile(run.latencies, 50).toFixed(2).padStart(8)} ${percentile(run.latencies, 99).toFixed(2).padStart(8)} ${String(run.failures).padStart(8)}`;
console.log(`selector query from 8 clients (127.0.0.2-9, 8/s each), ${DURATION} s per phase; ${ABUSERS} abusive clients on 127.0.0.10-${9 + ABUSERS}`);
console.log('phase                          requests   p50 ms   p99 ms  non-200');
console.log(row('alone', alone));
console.log(row(`with ${ABUSERS} abusive clients`, loaded));
console.log(`abusive requests by status: ${JSON.stringify(counts)}`);
console.log(`p99 loaded / p99 alone = ${(percentile(loaded.latencies, 99) / percentile(alone.latencies, 99)).toFixed(2)} (target ≤ 3)`);
process.exit(0);
