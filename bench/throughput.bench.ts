/**
 * Throughput of the model-selector query over real sockets, against two hand-written Node servers
 * returning the same JSON: prebuilt bytes (the limit) and JSON.stringify per request (a REST endpoint).
 * Each server runs in its own child process; autocannon drives it from this process for the same
 * duration and connection count. Every request carries an Origin header, as a browser on another
 * origin sends it (the model selector is a web page). Prints requests/s, p50, p99 and the ratios.
 *
 *   npm run bench:throughput            (DURATION=10 CONNECTIONS=32 ROUNDS=3 by default; NODE_FLAGS for the servers)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');

const SELECTOR = `query Selector($probe: Int!) {
  llmConfigs { id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score } }
  probe: llmConfig(id: $probe) { id }
}`;
/** The same operation every time: what a model selector sends on each page load. */
const repeatedBody = JSON.stringify({ query: SELECTOR, variables: { probe: 1 } });

async function start(script: string, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  // Production mode, as `npm start` runs (graphql-js skips its development-only instanceof checks), plus
  // NODE_FLAGS for every server alike (e.g. NODE_FLAGS=--max-semi-space-size=32, see bench/RESULTS.md).
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString('utf8')) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

interface Result {
  name: string;
  rps: number;
  /** Server CPU time (user + system) per answered request, in µs: steadier than req/s on a loaded machine. */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Variables never repeat, across rounds too: a value seen once before would be kept by the cache on its second sighting. */
let counter = 0;

/** CPU time a process has used, in µs (Linux /proc; clock ticks are 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function drive(name: string, server: { url: string; child: ChildProcess }, uncached = false, duration = DURATION): Promise<Result> {
  const { url } = server;
  const cpuBefore = cpuMicros(server.child.pid!);
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    // As a browser on another origin sends it (the model selector is a web page).
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: repeatedBody,
    connections: CONNECTIONS,
    duration,
    ...(uncached
      ? {
          // Different variables on every request, so no response can be reused.
          requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: SELECTOR, variables: { probe: ++counter } }) }) }],
        }
      : {}),
  });
  const cpuPerRequest = (cpuMicros(server.child.pid!) - cpuBefore) / Math.max(1, result.requests.total);
  return { name, rps: result.requests.average, cpuPerRequest, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const dir = mkdtempSync(join(tmpdir(), 'throughput-'));
const graphql = await start('./servers/graphql-server.ts');
const response = await request(`${graphql.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: repeatedBody });
const bytes = Buffer.from(await response.body.arrayBuffer());
const parsed = JSON.parse(bytes.toString('utf8')) as { data: { llmConfigs: unknown[] } };
if (parsed.data.llmConfigs.length !== 228) throw new Error('unexpected selector response');
const responsePath = join(dir, 'selector-response.json');
writeFileSync(responsePath, bytes);

// All servers run at once and are driven in turn, ROUNDS times: on a shared machine the load drifts, so
// each ratio compares runs taken seconds apart, and the median of the rounds is reported.
const prebuilt = await start('./servers/static-server.ts', ['prebuilt', responsePath]);
const stringify = await start('./servers/static-server.ts', ['stringify', responsePath]);
// Warm-up, not recorded: JIT compilation, the response cache's first sightings, heap growth.
for (const server of [prebuilt, stringify]) await drive('warm-up', server, false, 2);
await drive('warm-up', graphql, false, 2);
await drive('warm-up', graphql, true, 2);
const rounds: [Result, Result, Result, Result][] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  rounds.push([
    await drive('prebuilt bytes (limit)', prebuilt),
    await drive('llm-catalogue, repeated query', graphql),
    await drive('JSON.stringify per request', stringify),
    await drive('llm-catalogue, new variables each request', graphql, true),
  ]);
}
for (const server of [prebuilt, stringify, graphql]) server.child.kill();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`selector response ${bytes.length} bytes, 228 configs; ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds`);
console.log('round  server                                        req/s  cpu µs   p50 ms   p99 ms  errors');
rounds.forEach((results, round) => {
  for (const r of results) console.log(`${String(round + 1).padStart(5)}  ${r.name.padEnd(42)} ${r.rps.toFixed(0).padStart(8)} ${r.cpuPerRequest.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`);
  const [limit, repeated, rest, uncached] = results;
  console.log(`       req/s: repeated / prebuilt = ${(repeated.rps / limit.rps).toFixed(2)}, uncached / stringify = ${(uncached.rps / rest.rps).toFixed(2)}; cpu: ${(limit.cpuPerRequest / repeated.cpuPerRequest).toFixed(2)}, ${(rest.cpuPerRequest / uncached.cpuPerRequest).toFixed(2)}`);
});
console.log(`cpu per request: prebuilt / repeated = ${median(rounds.map(([limit, repeated]) => limit.cpuPerRequest / repeated.cpuPerRequest)).toFixed(2)}, stringify / uncached = ${median(rounds.map(([, , rest, uncached]) => rest.cpuPerRequest / uncached.cpuPerRequest)).toFixed(2)} (medians)`);
console.log(`repeated / prebuilt   = ${median(rounds.map(([limit, repeated]) => repeated.rps / limit.rps)).toFixed(2)} median of ${ROUNDS} (target ≥ 0.9)`);
console.log(`uncached / stringify  = ${median(rounds.map(([, , rest, uncached]) => uncached.rps / rest.rps)).toFixed(2)} median of ${ROUNDS} (target ≥ 0.5)`);
