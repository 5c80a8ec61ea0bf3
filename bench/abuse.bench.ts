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
import { firstLine, PoliteClients, row, spawnScript } from './polite-clients.js';
import { percentile } from './stats.js';

const DURATION = Number(process.env.DURATION ?? 10);
const ABUSERS = Number(process.env.ABUSERS ?? 8);

const server = spawnScript('./servers/graphql-server.ts', ['--default-limits', '--log-level', 'warn']);
const { port } = JSON.parse(await firstLine(server)) as { port: number };
const base = `http://127.0.0.1:${port}`;
const polite = new PoliteClients(base);
const selectorLatencies = (seconds: number) => polite.selectorLatencies(seconds);

await selectorLatencies(2); // warm-up: compile, cache
const alone = await selectorLatencies(DURATION);
const abusers = spawnScript('./abuse-clients.ts', [base, String(ABUSERS), String(DURATION + 2)]);
const abuseCounts = firstLine(abusers);
await new Promise((resolve) => setTimeout(resolve, 1000));
const loaded = await selectorLatencies(DURATION);
const counts = JSON.parse(await abuseCounts) as Record<string, number>;
server.kill('SIGTERM');
await polite.close();

console.log(`selector query from 8 clients (127.0.0.2-9, 8/s each), ${DURATION} s per phase; ${ABUSERS} abusive clients on 127.0.0.10-${9 + ABUSERS}`);
console.log('phase                          requests   p50 ms   p99 ms  non-200');
console.log(row('alone', alone));
console.log(row(`with ${ABUSERS} abusive clients`, loaded));
console.log(`abusive requests by status: ${JSON.stringify(counts)}`);
console.log(`p99 loaded / p99 alone = ${(percentile(loaded.latencies, 99) / percentile(alone.latencies, 99)).toFixed(2)} (target ≤ 3)`);
process.exit(0);
