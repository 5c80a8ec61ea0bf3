/**
 * Enrichment fan-out: 80 selected models (50 premium + 30 free) against a local upstream on
 * 127.0.0.1 whose /endpoints answers after 100 ms. With 15 requests in flight the floor is
 * ceil(80 / 15) × 100 ms = 600 ms; prints wall time / floor (target ≤ 1.2), median of 5 runs.
 *
 *   npm run bench:enrichment
 */
import { Agent } from 'undici';
import { runEnrichmentCycle, selectForEnrichment, ENRICH_CONCURRENCY } from '../src/catalogue/enrichment.js';
import { HealthBook } from '../src/catalogue/health-book.js';
import { buildCatalogue } from '../src/catalogue/build.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { fetchModelEndpoints } from '../src/openrouter/endpoints-client.js';
import { NO_DETAILS } from '../src/openrouter/model-details.js';
import type { OpenRouterModel } from '../src/openrouter/models-payload.js';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const DELAY_MS = 100;
const RUNS = 5;
const body = readFileSync(new URL('../test/fixtures/openrouter/endpoints/openai__gpt-4o.json', import.meta.url));

function syntheticModels(count: number, free: boolean): OpenRouterModel[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${free ? 'free' : 'paid'}/model-${i}${free ? ':free' : ''}`,
    name: `Model ${i}`,
    created: 1_790_000_000,
    contextLength: 200_000,
    outputModalities: ['text'],
    inputModalities: [],
    supportedParameters: ['tools'],
    promptPrice: free ? '0' : '0.000001',
    completionPrice: free ? '0' : '0.000002',
    details: NO_DETAILS,
  }));
}

const configs = buildCatalogue(parseOperatorConfig('', 'bench'), { models: [...syntheticModels(60, false), ...syntheticModels(40, true)], dropped: [] }, 1_795_478_400).configs;
const selectedCount = selectForEnrichment(configs).length;

const server = createServer((_req, res) => setTimeout(() => res.end(body), DELAY_MS));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// undici's Agent has no per-origin connection cap by default; p-limit(15) is the only limit.
const dispatcher = new Agent();

const floorMs = Math.ceil(selectedCount / ENRICH_CONCURRENCY) * DELAY_MS;
const walls: number[] = [];
for (let run = 0; run < RUNS + 1; run += 1) {
  const started = performance.now();
  const { report } = await runEnrichmentCycle(configs, { book: HealthBook.EMPTY, fetchEndpoints: (id, signal) => fetchModelEndpoints(id, { dispatcher, baseUrl, ...(signal ? { signal } : {}) }) });
  if (report.failures > 0) throw new Error(`unexpected failures: ${JSON.stringify(report.failuresByKind)}`);
  if (run > 0) walls.push(performance.now() - started); // run 0 opens the connections
}
walls.sort((a, b) => a - b);
const median = walls[Math.floor(walls.length / 2)]!;
console.log(`selected ${selectedCount} models, concurrency ${ENRICH_CONCURRENCY}, upstream delay ${DELAY_MS} ms`);
console.log(`wall times ms: ${walls.map((w) => w.toFixed(0)).join(', ')}; median ${median.toFixed(0)} ms`);
console.log(`floor ceil(${selectedCount}/${ENRICH_CONCURRENCY}) × ${DELAY_MS} ms = ${floorMs} ms; ratio ${(median / floorMs).toFixed(3)} (target ≤ 1.2)`);
await dispatcher.close();
server.close();
