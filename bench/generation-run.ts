/**
 * One measured size of bench/generation.bench.ts, run in its own process (bundled to plain JS):
 * reads a model list, then times bytes → configs several times and prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { buildCatalogue } from '../src/catalogue/build.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsBody } from '../src/openrouter/models-payload.js';
import { median } from './stats.js';

const NOW = 1_795_478_400;


const [inputPath, iterationsArg] = process.argv.slice(2);
// RSS with every module loaded, before the input is read: the floor the work adds to.
const baselineRssMb = process.resourceUsage().maxRSS / 1024;
const bytes = readFileSync(inputPath!);
// The default max_models (5,000) would cut the 100× list; lift it so every size does the whole work.
const operator = parseOperatorConfig('openrouter_integration:\n  max_models: 1000000\n', 'bench');
const times: number[] = [];
let kept = 0;
let models = 0;
for (let i = 0; i < Number(iterationsArg); i += 1) {
  // Collect the previous iteration's garbage outside the timed region: a server builds one
  // catalogue at a time, so peak RSS should show one generation, not V8's deferred collection.
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  const payload = parseModelsBody(bytes);
  const built = buildCatalogue(operator, payload, NOW);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  kept = built.configs.length;
  models = payload.models.length;
}
const ms = median(times.slice(1)); // the first run pays for JIT warm-up
process.stdout.write(JSON.stringify({ models, kept, bytes: bytes.length, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb }));
