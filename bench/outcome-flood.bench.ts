/**
 * Issue 17: a flood of outcome reports (10,000 a second from one caller holding the service token)
 * must not slow the model selector down nor grow the server's memory. Eight well-behaved clients
 * (127.0.0.2-9) send the selector query 8 times a second and record each latency, first alone, then
 * while bench/outcome-flood-client.ts (another process, 127.0.0.30) sends reports at RATE a second,
 * open loop, spread over every config and outcome. The server runs with the default limits, as a
 * deployment does (`UNLIMITED=1` lifts the per-client budget for everyone, to see what the reports
 * themselves cost). Prints p50/p99 of both phases, the ratio of the p99s (target ≤ 3), what the flood
 * got, and the server's memory and standings before and after.
 *
 *   npx tsx bench/outcome-flood.bench.ts     (DURATION=10 RATE=10000 by default)
 */
import { request } from 'undici';
import { firstLine, PoliteClients, row, spawnScript } from './polite-clients.js';
import { percentile } from './stats.js';

const DURATION = Number(process.env.DURATION ?? 10);
const RATE = Number(process.env.RATE ?? 10_000);
const UNLIMITED = process.env.UNLIMITED === '1';
const TOKEN = 'bench-service-token-0123456789abcdef';

const server = spawnScript('./servers/graphql-server.ts', [...(UNLIMITED ? [] : ['--default-limits']), '--log-level', 'warn', '--service-token', TOKEN], ['--expose-gc', ...(process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [])]);
const lines: string[] = [];
const { port } = JSON.parse(await firstLine(server)) as { port: number };
server.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.startsWith('{"rssMb"'))));
const base = `http://127.0.0.1:${port}`;

/** What the server holds now (after a garbage collection). */
async function memory(): Promise<{ rssMb: number; heapUsedMb: number; standings: number; cpuMs: number }> {
  const seen = lines.length;
  server.kill('SIGUSR2');
  while (lines.length === seen) await new Promise((resolve) => setTimeout(resolve, 20));
  return JSON.parse(lines.at(-1)!) as { rssMb: number; heapUsedMb: number; standings: number; cpuMs: number };
}

const listed = await request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ llmConfigs { id } }' }) });
const ids = ((await listed.body.json()) as { data: { llmConfigs: { id: number }[] } }).data.llmConfigs.map((config) => config.id);

const polite = new PoliteClients(base);
await polite.selectorLatencies(2); // warm-up: compile, cache
const start = await memory();
const alone = await polite.selectorLatencies(DURATION);
const before = await memory();
const flooder = spawnScript('./outcome-flood-client.ts', [base, '127.0.0.30', TOKEN, String(RATE), String(DURATION + 2), ids.join(',')]);
const floodResult = firstLine(flooder);
await new Promise((resolve) => setTimeout(resolve, 1000));
const loaded = await polite.selectorLatencies(DURATION);
const flood = JSON.parse(await floodResult) as { counts: Record<string, number>; sent: number; skipped: number; seconds: number };
const after = await memory();
server.kill('SIGTERM');
await polite.close();

const mb = (value: number) => value.toFixed(1);
console.log(`selector query from 8 clients (127.0.0.2-9, 8/s each), ${DURATION} s per phase; reports at ${RATE}/s from 127.0.0.30 (${UNLIMITED ? 'per-client budget lifted' : 'default limits'})`);
console.log('phase                          requests   p50 ms   p99 ms  non-200');
console.log(row('alone', alone));
console.log(row('with the report flood', loaded));
console.log(`reports sent ${flood.sent} in ${flood.seconds.toFixed(1)} s (${Math.round(flood.sent / flood.seconds)}/s; ${flood.skipped} skipped with ${4000} in flight), answers by status: ${JSON.stringify(flood.counts)}`);
console.log(`server after GC: rss ${mb(before.rssMb)} → ${mb(after.rssMb)} MB, heap ${mb(before.heapUsedMb)} → ${mb(after.heapUsedMb)} MB, standings ${before.standings} → ${after.standings} (of ${ids.length} configs)`);
console.log(`server CPU: ${(((before.cpuMs - start.cpuMs) / (DURATION * 1000)) * 100).toFixed(0)}% of a core alone, ${(((after.cpuMs - before.cpuMs) / ((DURATION + 2) * 1000)) * 100).toFixed(0)}% with the flood`);
console.log(`p99 loaded / p99 alone = ${(percentile(loaded.latencies, 99) / percentile(alone.latencies, 99)).toFixed(2)} (target ≤ 3)`);
process.exit(0);
