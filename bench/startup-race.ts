/**
 * Start to first answer: from spawn to the first `200` answer to the selector query, for the compiled
 * server as the container runs it (`node dist/main.js`, restarting on the data file an earlier run
 * persisted, with the startup refresh against a local upstream serving the real 2026-06 list) and for
 * the Mercurius peer (bench/servers/mercurius-server.ts bundled to plain JavaScript, so no TypeScript
 * loader is timed). The two take turns; the median of each and of the per-turn ratios is returned.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
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

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Two levels below the root, as the source is, so its relative URLs (schema, assets) still resolve.
const MERCURIUS_BUNDLE = join(ROOT, 'bench', '.out', 'mercurius-server.mjs');

async function firstAnswerMs(command: string[], env: Record<string, string>, port: number, log: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'ignore', openSync(log, 'w')] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error(`${command.join(' ')}: no answer within 60 s; see ${log}`);
      try {
        const response = await request(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: REPEATED_BODY });
        const text = await response.body.text();
        if (response.statusCode === 200 && text.startsWith('{"data":{"llmConfigs":[{')) return performance.now() - started;
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

export async function raceStartup(runs: number): Promise<{ ours: number; mercurius: number; ratio: number; ratios: number[] }> {
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
  const ours: number[] = [];
  const mercurius: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const env = await oursEnv();
    ours.push(await firstAnswerMs(['dist/main.js'], env, Number(env.PORT), join(dir, `ours-${run}.stderr`)));
    const port = await freePort();
    mercurius.push(await firstAnswerMs([MERCURIUS_BUNDLE, '--port', String(port)], {}, port, join(dir, `mercurius-${run}.stderr`)));
    process.stderr.write(`start ${run + 1}/${runs}: ours ${ours.at(-1)!.toFixed(0)} ms, Mercurius ${mercurius.at(-1)!.toFixed(0)} ms\n`);
  }
  await upstream.stop();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratios = ours.map((ms, run) => ms / mercurius[run]!);
  return { ours: median(ours), mercurius: median(mercurius), ratio: median(ratios), ratios };
}
