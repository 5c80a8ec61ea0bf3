/**
 * Throughput of the catalogue's queries over real sockets, against peers serving the same data
 * (bench/servers/bench-catalogue.ts) in their own child processes, in the same run:
 *   prebuilt  — the repeated selector answer's bytes written as they are (the ceiling);
 *   stringify — a plain Node server filtering the array and JSON.stringify-ing it per request;
 *   mercurius — Mercurius on Fastify with graphql-jit, the same schema shape (bench/servers/mercurius-server.ts);
 *   floors    — a constant answer through bare Node, Yoga's adapter and Fastify (bench/servers/floor-server.ts).
 * Our server is wired as production runs it (access log on stderr, HTTP metrics); every server is bundled
 * to plain JavaScript and runs on node alone, as production runs compiled code. autocannon drives
 * each server in turn from this process, every request with an Origin header as a browser on another
 * origin sends it; the workloads are issue 15's table (bench/throughput-workloads.ts), then start to
 * first answer of `node dist/main.js` against Mercurius (bench/startup-race.ts). Servers are driven
 * in turn for ROUNDS rounds and the median of each round's ratio is reported: the load of a shared
 * machine drifts. `cpu µs` is the server's own CPU time per answered request (steadier than req/s).
 *
 *   npm run bench:throughput   (DURATION=10 CONNECTIONS=32 ROUNDS=3 STARTS=5; WORKLOADS=a,b to pick;
 *                               NODE_FLAGS for every server; PROFILE_DIR=dir: --cpu-prof of our servers)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildSync } from 'esbuild';
import { request } from 'undici';
import { raceStartup } from './startup-race.js';
import { everyField, newVariables, randomLookups, repeated, REPEATED_BODY, SELECTOR_FIELDS, thousandFilters, type BodySource } from './throughput-workloads.js';
import { median } from './stats.js';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const STARTS = Number(process.env.STARTS ?? 5);
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
const PROFILE_DIR = process.env.PROFILE_DIR;
const ORIGIN = 'http://localhost:3000';
const dir = mkdtempSync(join(tmpdir(), 'throughput-'));

interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * Each server script bundled to plain JavaScript (bench/.out/, packages left external), so every
 * server runs on node alone, as production runs compiled code, with no TypeScript loader in the way.
 */
function bundled(script: string): string {
  const outfile = fileURLToPath(new URL(`./.out/${script.replace(/^.*\//, '').replace(/\.ts$/, '.mjs')}`, import.meta.url));
  buildSync({ entryPoints: [fileURLToPath(new URL(script, import.meta.url))], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

async function start(name: string, script: string, args: string[] = [], profile = false): Promise<Server> {
  // Production mode, as `npm start` runs. stderr (our access log) goes to a file, as a container's log would.
  const flags = [...NODE_FLAGS, ...(profile && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])];
  const stderr = openSync(join(dir, `${name}.stderr`), 'w');
  const child = spawn(process.execPath, [...flags, bundled(script), ...args], { stdio: ['ignore', 'pipe', stderr], env: { ...process.env, NODE_ENV: 'production' } });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString('utf8')) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${join(dir, `${name}.stderr`)}`)));
  });
  return { name, child, url: `http://127.0.0.1:${port}` };
}

async function post(server: Server, body: string): Promise<string> {
  const response = await request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${server.name}: ${response.statusCode} ${text.slice(0, 300)}`);
  return text;
}

/** CPU time a process has used, in µs (Linux /proc; clock ticks are 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

interface Result {
  readonly rps: number;
  readonly cpuPerRequest: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function drive(server: Server, bodies: BodySource, duration = DURATION): Promise<Result> {
  const cpuBefore = cpuMicros(server.child.pid!);
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    connections: CONNECTIONS,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies.next() }) }],
  });
  const cpuPerRequest = (cpuMicros(server.child.pid!) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, cpuPerRequest, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

// Our server first: its answers are the data the hand-written peers serve.
const ours = await start('ours', './servers/graphql-server.ts', [], true);
const ours10 = await start('ours-10x', './servers/graphql-server.ts', ['--scale', '10'], true);
async function peerData(server: Server, tag: string): Promise<{ names: string[]; ids: number[] }> {
  const listed = JSON.parse(await post(server, JSON.stringify({ query: `{ llmConfigs { ${SELECTOR_FIELDS} } facts: llmConfigs { id tier routerPoolEligible name modelName } }` }))) as {
    data: { llmConfigs: unknown[]; facts: { id: number; name: string }[] };
  };
  writeFileSync(join(dir, `stringify-${tag}.json`), JSON.stringify({ items: listed.data.llmConfigs, facts: listed.data.facts }));
  return { names: listed.data.facts.map((facts) => facts.name), ids: listed.data.facts.map((facts) => facts.id) };
}
const data1 = await peerData(ours, '1x');
const data10 = await peerData(ours10, '10x');
const selectorPath = join(dir, 'selector-response.json');
writeFileSync(selectorPath, await post(ours, REPEATED_BODY));
const servers = {
  ours,
  ours10,
  prebuilt: await start('prebuilt', './servers/static-server.ts', ['prebuilt', selectorPath]),
  stringify: await start('stringify', './servers/static-server.ts', ['stringify', join(dir, 'stringify-1x.json')]),
  stringify10: await start('stringify-10x', './servers/static-server.ts', ['stringify', join(dir, 'stringify-10x.json')]),
  mercurius: await start('mercurius', './servers/mercurius-server.ts'),
  mercurius10: await start('mercurius-10x', './servers/mercurius-server.ts', ['--scale', '10']),
  nodeFloor: await start('node-floor', './servers/floor-server.ts', ['node']),
  yogaFloor: await start('yoga-floor', './servers/floor-server.ts', ['yoga']),
  fastifyFloor: await start('fastify-floor', './servers/floor-server.ts', ['fastify']),
};

interface Workload {
  readonly key: string;
  readonly title: string;
  readonly bodies: () => BodySource;
  /** Driven in this order; the first is ours. */
  readonly servers: readonly Server[];
  /** Ratios of req/s reported: numerator, denominator, and the goal (at least) when there is one. */
  readonly ratios: readonly (readonly [Server, Server, number | null])[];
}

const filters = thousandFilters(data1.names);
const ALL_WORKLOADS: Workload[] = [
  { key: 'repeated', title: 'repeated selector query', bodies: repeated, servers: [servers.ours, servers.prebuilt, servers.mercurius], ratios: [[servers.ours, servers.prebuilt, 0.9], [servers.ours, servers.mercurius, null]] },
  { key: 'new-variables', title: 'new variables every request (1,000 filters)', bodies: () => newVariables(filters), servers: [servers.ours, servers.mercurius, servers.stringify], ratios: [[servers.ours, servers.mercurius, 1.2], [servers.ours, servers.stringify, null]] },
  { key: 'every-field', title: 'every field of all configs, never seen before', bodies: everyField, servers: [servers.ours, servers.mercurius], ratios: [[servers.ours, servers.mercurius, 1.2]] },
  { key: 'lookup', title: 'llmConfig(id:) with random ids', bodies: () => randomLookups(data1.ids), servers: [servers.ours, servers.mercurius], ratios: [[servers.ours, servers.mercurius, 1.2]] },
  // Not a goal of its own: what answering anything costs on each HTTP stack (bench/servers/floor-server.ts).
  { key: 'floor', title: 'floor: a constant 400-byte answer', bodies: () => randomLookups(data1.ids), servers: [servers.nodeFloor, servers.yogaFloor, servers.fastifyFloor], ratios: [[servers.yogaFloor, servers.nodeFloor, null], [servers.fastifyFloor, servers.nodeFloor, null]] },
  { key: 'catalogue-10x', title: `10x catalogue (${data10.ids.length} configs): new variables`, bodies: () => newVariables(thousandFilters(data10.names)), servers: [servers.ours10, servers.stringify10, servers.mercurius10], ratios: [[servers.ours10, servers.stringify10, 0.5], [servers.ours10, servers.mercurius10, null]] },
];
const WORKLOADS = ALL_WORKLOADS.filter((workload) => !process.env.WORKLOADS || process.env.WORKLOADS.split(',').includes(workload.key));

// The same answer from every server of a workload, byte for byte, or the comparison means nothing.
for (const workload of WORKLOADS) {
  const bodies = workload.bodies();
  for (let sample = 0; sample < 20; sample += 1) {
    const body = bodies.next();
    const [first, ...others] = await Promise.all(workload.servers.map((server) => post(server, body)));
    others.forEach((other, index) => {
      if (other !== first) throw new Error(`${workload.key}: ${workload.servers[index + 1]!.name} answers ${body} differently:\n${first!.slice(0, 400)}\n${other.slice(0, 400)}`);
    });
  }
}

// Warm-up, not recorded: JIT compilation, compiled queries, heap growth.
for (const workload of WORKLOADS) for (const server of workload.servers) await drive(server, workload.bodies(), 2);
const rounds: Map<Server, Result>[][] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const results: Map<Server, Result>[] = [];
  for (const workload of WORKLOADS) {
    const byServer = new Map<Server, Result>();
    for (const server of workload.servers) byServer.set(server, await drive(server, workload.bodies()));
    results.push(byServer);
  }
  rounds.push(results);
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds, load average ${load()}`);
const summary: string[] = [];
WORKLOADS.forEach((workload, index) => {
  console.log(`\n${workload.title}`);
  console.log('round  server            req/s   cpu µs   p50 ms   p99 ms  errors');
  rounds.forEach((results, round) => {
    for (const [server, r] of results[index]!) {
      console.log(`${String(round + 1).padStart(5)}  ${server.name.padEnd(14)} ${r.rps.toFixed(0).padStart(8)} ${r.cpuPerRequest.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`);
    }
  });
  for (const [a, b, goal] of workload.ratios) {
    const rps = rounds.map((results) => results[index]!.get(a)!.rps / results[index]!.get(b)!.rps);
    const cpu = rounds.map((results) => results[index]!.get(b)!.cpuPerRequest / results[index]!.get(a)!.cpuPerRequest);
    const line = `${workload.title}: ${a.name} / ${b.name} = ${median(rps).toFixed(2)} req/s (rounds ${rps.map((r) => r.toFixed(2)).join(', ')}), ${median(cpu).toFixed(2)} by cpu µs${goal === null ? '' : ` (goal ≥ ${goal})`}`;
    console.log(line);
    summary.push(line);
  }
});
for (const server of Object.values(servers)) server.child.kill('SIGTERM');

if (STARTS > 0) {
  const startup = await raceStartup(STARTS);
  const line = `start to first answer: node dist/main.js ${startup.ours.toFixed(0)} ms, Mercurius ${startup.mercurius.toFixed(0)} ms: ours / Mercurius ${startup.ratio.toFixed(2)} (median of ${STARTS} turns: ${startup.ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≤ 1.5); CPU by then ${startup.oursCpu} ms / ${startup.mercuriusCpu} ms = ${startup.cpuRatio.toFixed(2)}`;
  console.log(`\n${line}`);
  summary.push(line);
}
console.log(`\nSummary (medians; load average now ${load()}):\n${summary.join('\n')}`);
