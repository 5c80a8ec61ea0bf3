/**
 * Start-up cost of the real server, by how it is launched: time from spawn to the first `200` on
 * `/readyz`, and the resident memory of the whole process tree once idle. The baseline is the old
 * `npm start` (npm → sh → tsx → node, compiling TypeScript at run time); the others run dist/.
 * Each launch serves the bundled snapshot at once, then refreshes from a local upstream (the real
 * 2026-06 model list; `/endpoints` answer 404), so "idle" is after a real refresh and enrichment.
 * Launchers take turns, so load on a shared machine spreads over all of them.
 *
 *   npm run bench:startup               (RUNS=5 IDLE_MS=3000 by default)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { readFixtureBytes } from '../test/support/fixtures.js';
import { freePort } from '../test/support/redis-server.js';
import { FakeUpstream } from '../test/support/upstream.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const IDLE_MS = Number(process.env.IDLE_MS ?? 3_000);

interface Launcher {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

const LAUNCHERS: readonly Launcher[] = [
  // What `npm start` was: "NODE_ENV=production tsx src/main.ts", run by npm through sh.
  { name: 'before: npm + tsx (src/)', command: 'npm', args: ['exec', '--offline', '--', 'tsx', 'src/main.ts'] },
  { name: 'tsx alone (npm run dev)', command: join(ROOT, 'node_modules', '.bin', 'tsx'), args: ['src/main.ts'] },
  { name: 'after: npm start', command: 'npm', args: ['start'] },
  { name: 'after: node dist/main.js', command: process.execPath, args: ['dist/main.js'] },
  { name: 'after: node --enable-source-maps dist/main.js', command: process.execPath, args: ['--enable-source-maps', 'dist/main.js'] },
];

/** Resident memory (kB) of every live process in a process group, from /proc. */
function groupRssKb(pgid: number): { rssKb: number; processes: number } {
  let rssKb = 0;
  let processes = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) !== pgid || state === 'Z') continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      processes += 1;
    } catch {
      // Gone while we looked.
    }
  }
  return { rssKb, processes };
}

async function launch(launcher: Launcher, upstreamUrl: string): Promise<{ readyMs: number; rssMb: number; processes: number }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? ROOT,
    npm_config_update_notifier: 'false',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    OPENROUTER_BASE_URL: upstreamUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-startup-')),
  };
  const started = performance.now();
  const child = spawn(launcher.command, launcher.args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let readyMs = -1;
  while (readyMs < 0) {
    if (performance.now() - started > 60_000) throw new Error(`${launcher.name}: not ready within 60 s`);
    try {
      const response = await request(`http://127.0.0.1:${port}/readyz`);
      await response.body.dump();
      if (response.statusCode === 200) readyMs = performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const { rssKb, processes } = groupRssKb(child.pid!);
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { readyMs, rssMb: rssKb / 1024, processes };
}


execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
const upstream = new FakeUpstream();
upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')));
await upstream.start();
const samples = new Map(LAUNCHERS.map((launcher) => [launcher.name, [] as { readyMs: number; rssMb: number; processes: number }[]]));
for (let run = 0; run < RUNS; run += 1) {
  for (const launcher of LAUNCHERS) {
    const sample = await launch(launcher, upstream.baseUrl);
    samples.get(launcher.name)!.push(sample);
    process.stderr.write(`run ${run + 1}/${RUNS} ${launcher.name}: ready ${sample.readyMs.toFixed(0)} ms, ${sample.rssMb.toFixed(0)} MB in ${sample.processes} processes\n`);
  }
}
await upstream.stop();

const baseline = samples.get(LAUNCHERS[0]!.name)!;
const baseReady = median(baseline.map((sample) => sample.readyMs));
const baseRss = median(baseline.map((sample) => sample.rssMb));
console.log(`\nmedian of ${RUNS} (idle after ${IDLE_MS} ms)`);
console.log('| launcher | processes | ready ms | vs before | idle RSS MB (tree) | vs before |');
console.log('|---|---|---|---|---|---|');
for (const launcher of LAUNCHERS) {
  const runs = samples.get(launcher.name)!;
  const ready = median(runs.map((sample) => sample.readyMs));
  const rss = median(runs.map((sample) => sample.rssMb));
  console.log(`| ${launcher.name} | ${median(runs.map((sample) => sample.processes))} | ${ready.toFixed(0)} | ${(ready / baseReady).toFixed(2)} | ${rss.toFixed(0)} | ${(rss / baseRss).toFixed(2)} |`);
}
