/**
 * Bytes → configs: JSON parse + validation + generation, for the 2026-06 snapshot and for copies
 * enlarged 10× and 100× (ids renamed so every model is distinct). Each size runs in its own child
 * process (bench/generation-run.ts bundled to plain JavaScript, so the TypeScript loader's memory
 * is not counted) so its peak RSS is its own. Prints ms per 1,000 models, the 100×/1× time ratio
 * (target ≤ 120) and peak RSS (target < 250 MB).
 *
 *   npm run bench:generation
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const SNAPSHOT = fileURLToPath(new URL('../test/fixtures/openrouter/models-2026-06-16.json', import.meta.url));
const SIZES = [
  { scale: 1, iterations: 101 },
  { scale: 10, iterations: 21 },
  { scale: 100, iterations: 7 },
];

function enlarged(scale: number): string {
  const { data } = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { data: { id: string }[] };
  const models = [];
  for (let copy = 0; copy < scale; copy += 1) {
    for (const model of data) {
      const [base, variant] = model.id.split(':');
      models.push({ ...model, id: copy === 0 ? model.id : `${base}-copy${copy}${variant ? `:${variant}` : ''}` });
    }
  }
  return JSON.stringify({ data: models });
}

interface RunResult {
  models: number;
  kept: number;
  bytes: number;
  ms: number;
  peakRssMb: number;
  baselineRssMb: number;
}

const dir = mkdtempSync(join(tmpdir(), 'generation-bench-'));
// Inside the project so the bundle's package imports resolve from node_modules.
const runner = fileURLToPath(new URL('./.out/generation-run.mjs', import.meta.url));
buildSync({ entryPoints: [fileURLToPath(new URL('./generation-run.ts', import.meta.url))], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile: runner, logLevel: 'error' });

const results = SIZES.map(({ scale, iterations }) => {
  const inputPath = join(dir, `models-${scale}x.json`);
  writeFileSync(inputPath, enlarged(scale));
  const output = execFileSync(process.execPath, ['--expose-gc', runner, inputPath, String(iterations)], { encoding: 'utf8' });
  return { scale, ...(JSON.parse(output) as RunResult) };
});

const base = results[0]!;
console.log('scale  models   kept    MiB   median ms  ms/1k models  time ratio  peak RSS MB (runtime before input)');
for (const r of results) {
  console.log(
    `${String(r.scale).padStart(4)}× ${String(r.models).padStart(7)} ${String(r.kept).padStart(6)} ${(r.bytes / 2 ** 20).toFixed(1).padStart(6)} ${r.ms.toFixed(2).padStart(10)} ${((r.ms / r.models) * 1000).toFixed(2).padStart(13)} ${(r.ms / base.ms).toFixed(1).padStart(10)}× ${r.peakRssMb.toFixed(0).padStart(11)} (${r.baselineRssMb.toFixed(0)})`,
  );
}
const largest = results.at(-1)!;
console.log(`100× costs ${(largest.ms / base.ms).toFixed(1)}× the 1× time (target ≤ 120×); peak RSS ${largest.peakRssMb.toFixed(0)} MB (target < 250 MB)`);
