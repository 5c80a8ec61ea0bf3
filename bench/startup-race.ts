/**
 * Start to first answer: from spawn to the first `200` answer to the selector query, for the compiled
 * server as the container runs it (`node dist/main.js`, restarting on the data file an earlier run
 * persisted, with the startup refresh against a local upstream serving the real 2026-06 list) and for
 * the Mercurius peer (bench/servers/mercurius-server.ts bundled to plain JavaScript, so no TypeScript
 * loader is timed). The two take turns; the median of each and of the per-turn ratios is returned,
 * and the CPU time each process had used when it answered (which moves far less with the machine's load).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { request } from 'undici';
import { readFixtureBytes } from '../test/support/fixtures.js';
import { freePort } from '../test/support/redis-server.js';
import { FakeUpstream } from '../test/support/upstream.js';
import { SNAPSHOT_FILE_NAME } from '../src/catalogue/snapshot-file.js';
import { REPEATED_BODY } from './throughput-workloads.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Two levels below the root, as the source is, so its relative URLs (schema, assets) still resolve.
const MERCURIUS_BUNDLE = join(ROOT, 'bench', '.out', 'mercurius-server.mjs');

/** CPU time a process has used, in ms (Linux /proc; clock ticks are 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Wall time from spawn to the first answer, and the CPU time the process had used by then (steadier under load). */
async function firstAnswerMs(command: string[], env: Record<string, string>, port: number, log: string): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'ignore', openSync(log, 'w')] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error(`${command.join(' ')}: no answer within 60 s; see ${log}`);
      try {
        const response = await request(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: REPEATED_BODY });
        const text = await response.body.text();
        if (response.statusCode === 200 && text.startsWith('{"data":{"llmConfigs":[{')) return { wall: performance.now() - started, cpu: cpuMs(child.pid!) };
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function raceStartup(runs: number): Promise<{ ours: number; mercurius: number; ratio: number; ratios: number[]; cpuRatio: number; oursCpu: number; mercuriusCpu: number }> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  buildSync({ entryPoints: [join(ROOT, 'bench', 'servers', 'mercurius-server.ts')], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile: MERCURIUS_BUNDLE, logLevel: 'error' });
  const upstream = new FakeUpstream();
  upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')));
  await upstream.start();
  const dir = mkdtempSync(join(tmpdir(), 'startup-race-'));
  const dataDir = join(dir, 'data');
  const oursEnv = async () => ({ PORT: String(await freePort()), HOST: '127.0.0.1', METRICS_PORT: String(await freePort()), LOG_LEVEL: 'info', OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: dataDir });
  // A first run leaves the data file a restart serves from, as in production.
  {
    const env = await oursEnv();
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env }, stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(dataDir, SNAPSHOT_FILE_NAME)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const ours: { wall: number; cpu: number }[] = [];
  const mercurius: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const env = await oursEnv();
    ours.push(await firstAnswerMs(['dist/main.js'], env, Number(env.PORT), join(dir, `ours-${run}.stderr`)));
    const port = await freePort();
    mercurius.push(await firstAnswerMs([MERCURIUS_BUNDLE, '--port', String(port)], {}, port, join(dir, `mercurius-${run}.stderr`)));
    process.stderr.write(`start ${run + 1}/${runs}: ours ${ours.at(-1)!.wall.toFixed(0)} ms (cpu ${ours.at(-1)!.cpu}), Mercurius ${mercurius.at(-1)!.wall.toFixed(0)} ms (cpu ${mercurius.at(-1)!.cpu})\n`);
  }
  await upstream.stop();
  const ratios = ours.map((sample, run) => sample.wall / mercurius[run]!.wall);
  return {
    ours: median(ours.map((sample) => sample.wall)),
    mercurius: median(mercurius.map((sample) => sample.wall)),
    ratio: median(ratios),
    ratios,
    cpuRatio: median(ours.map((sample) => sample.cpu)) / median(mercurius.map((sample) => sample.cpu)),
    oursCpu: median(ours.map((sample) => sample.cpu)),
    mercuriusCpu: median(mercurius.map((sample) => sample.cpu)),
  };
}
