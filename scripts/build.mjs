#!/usr/bin/env node
// Compiles src/ to dist/ with tsc (type-checked, with source maps), and bundles the console page
// (console/) into dist/console/ with esbuild (scripts/build-console.mjs). Plain JavaScript on purpose:
// it runs before anything is compiled, with nothing but Node and the TypeScript and esbuild packages.
//
//   node scripts/build.mjs             clean build
//   node scripts/build.mjs --if-stale  build only when dist/ is missing or older than its inputs
//   node scripts/build.mjs --check     say whether dist/ is current (exit 0) or why not (exit 1); build nothing
//
// Every line goes to stderr: `npm run preview` builds through this and its stdout is the JSON it prints.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildConsole } from './build-console.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp.json');
/** What dist/ is made from. Directories count too: deleting or renaming a file changes its directory's mtime. */
const INPUTS = ['src', 'console', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-console.mjs'];

function newestMtimeMs(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is current. */
function staleness() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return 'dist/ is missing';
  }
  // Compared with the time the last build started, so an edit made during that build still counts.
  const newest = Math.max(...INPUTS.map((input) => newestMtimeMs(join(ROOT, input))));
  return newest > stamp.startedAt ? 'sources changed since the last build' : null;
}

async function build(reason) {
  const require = createRequire(import.meta.url);
  let tsc;
  let esbuild;
  try {
    tsc = require.resolve('typescript/bin/tsc');
    esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  } catch {
    process.stderr.write(`llm-catalogue: cannot build dist/ (${reason}): TypeScript or esbuild is not installed; run \`npm install\` (with dev dependencies), then \`npm run build\`\n`);
    process.exit(1);
  }
  process.stderr.write(`llm-catalogue: building dist/ (${reason})\n`);
  const startedAt = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    // No stamp: the next start tries again instead of running a half-written dist/.
    process.stderr.write('llm-catalogue: build failed (see the errors above)\n');
    process.exit(result.status ?? 1);
  }
  try {
    await buildConsole(ROOT, DIST, esbuild);
  } catch (error) {
    // esbuild has printed the errors with their files and lines; no stamp, as above.
    process.stderr.write(`llm-catalogue: console build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  }
  writeFileSync(STAMP, `${JSON.stringify({ startedAt })}\n`);
  process.stderr.write(`llm-catalogue: built dist/ in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}

if (process.argv.includes('--check')) {
  const reason = staleness();
  process.stderr.write(`llm-catalogue: ${reason === null ? 'dist/ is current' : `dist/ is stale: ${reason}`}\n`);
  process.exit(reason === null ? 0 : 1);
} else if (process.argv.includes('--if-stale')) {
  const reason = staleness();
  if (reason !== null) await build(reason);
} else {
  await build('requested');
}
