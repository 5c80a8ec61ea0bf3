/**
 * What the access-log and HTTP-metrics plugins cost per request: a minimal Yoga answering a tiny
 * query in-process (`yoga.fetch`, no socket), without plugins (the baseline) and with each piece.
 * The absolute cost per request is what to compare with a real request's; the ratio exaggerates it,
 * because the baseline request does almost nothing.
 *
 *   npm run bench:observability        (REQUESTS=5000 ROUNDS=5 by default)
 */
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { createLogger } from '../src/logger.js';
import { useAccessLog } from '../src/observability/access-log-plugin.js';
import { useHttpMetrics } from '../src/observability/metrics-plugin.js';
import { runInRequestContext } from '../src/observability/request-context.js';
import { median } from './stats.js';

const REQUESTS = Number(process.env.REQUESTS ?? 5_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const schema = createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } });
// Lines are formatted as in production and then dropped: the cost measured is pino's, not the terminal's.
const logger = createLogger({ write: () => {} });
const isCacheHit = () => false;
const requestContextOnly: Plugin = { instrumentation: { request: (_payload, wrapped) => runInRequestContext({ requestId: 'bench', startedAt: 0 }, wrapped) } };

const variants: Record<string, () => Plugin[]> = {
  'no plugins (baseline)': () => [],
  'request context only (AsyncLocalStorage)': () => [requestContextOnly],
  'HTTP metrics': () => [useHttpMetrics({ registry: new Registry(), isCacheHit })],
  'access log': () => [useAccessLog({ logger, isCacheHit })],
  'access log + HTTP metrics': () => [useAccessLog({ logger, isCacheHit }), useHttpMetrics({ registry: new Registry(), isCacheHit })],
};

const body = JSON.stringify({ query: 'query Hello { hello }' });
async function microsecondsPerRequest(plugins: Plugin[]): Promise<number> {
  const yoga = createYoga({ schema, plugins, logging: false });
  const once = async () => (await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
  for (let i = 0; i < 1_000; i += 1) await once();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i += 1) await once();
  return ((performance.now() - started) / REQUESTS) * 1000;
}

const samples = new Map(Object.keys(variants).map((name) => [name, [] as number[]]));
for (let round = 0; round < ROUNDS; round += 1) for (const [name, make] of Object.entries(variants)) samples.get(name)!.push(await microsecondsPerRequest(make()));
const baseline = median(samples.get('no plugins (baseline)')!);
console.log(`median of ${ROUNDS} rounds × ${REQUESTS} requests`);
console.log('| variant | µs / request | added µs | vs baseline |');
console.log('|---|---|---|---|');
for (const [name, values] of samples) console.log(`| ${name} | ${median(values).toFixed(1)} | ${(median(values) - baseline).toFixed(1)} | ${(median(values) / baseline).toFixed(2)} |`);
