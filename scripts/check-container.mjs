#!/usr/bin/env node
// Checks the Dockerfile and compose.yaml without Docker (nothing here can pull a base image): it
// reads the Dockerfile, runs every `npm` step of each stage in a temporary directory with the
// stage's COPY steps, starts the final stage's CMD with its ENV, polls its HEALTHCHECK command until
// healthy, stops it with its STOPSIGNAL and expects exit status 0. Steps that need root or an image
// (mkdir /data, chown, USER) are listed as skipped. Then it checks that compose.yaml's replicas use
// only variables the server reads, with values it accepts.
//
//   npm run check:container      (CI runs it; it needs the npm registry or a warm npm cache)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'llm-catalogue-container-'));
const problems = [];
const say = (line) => process.stderr.write(`${line}\n`);
const check = (ok, message) => {
  if (!ok) problems.push(message);
  say(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

/** The Dockerfile as a list of stages, each a list of { instruction, args } with continuations joined. */
function readDockerfile() {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [, instruction, args] = /^(\w+)\s+(.*)$/.exec(line);
    if (instruction.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
      stages.push({ image, name: name ?? String(stages.length), steps: [] });
    } else stages.at(-1).steps.push({ instruction: instruction.toUpperCase(), args: args.replace(/\s+/g, ' ') });
  }
  return stages;
}

const execForm = (args) => JSON.parse(args.slice(args.indexOf('[')));
const envPairs = (args) => Object.fromEntries([...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, key, value]) => [key, value.replace(/^"|"$/g, '')]));

function freePort() {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }),
  );
}

/** Runs the stages' COPY and npm RUN steps; returns the final stage's directory and settings. */
function buildStages(stages) {
  const dirs = new Map();
  let final;
  for (const stage of stages) {
    const dir = join(WORK, stage.name);
    mkdirSync(dir, { recursive: true });
    dirs.set(stage.name, dir);
    const env = {};
    const settings = { dir, env, cmd: null, healthcheck: null, user: 'root', volumes: [], stopSignal: 'SIGTERM', runs: [] };
    say(`\n== stage ${stage.name} (FROM ${stage.image})`);
    for (const { instruction, args } of stage.steps) {
      if (instruction === 'WORKDIR') check(args === '/app', `WORKDIR ${args} (checked as this stage's directory)`);
      else if (instruction === 'ENV') Object.assign(env, envPairs(args));
      else if (instruction === 'COPY') {
        const parts = args.split(' ');
        const from = parts[0].startsWith('--from=') ? parts.shift().slice('--from='.length) : null;
        const target = parts.pop();
        for (const source of parts) {
          const origin = from ? join(dirs.get(from), source.replace(/^\/app\//, '')) : join(ROOT, source);
          const destination = join(dir, target.endsWith('/') && !source.endsWith('/') ? join(target, source.split('/').pop()) : target);
          mkdirSync(dirname(destination), { recursive: true });
          cpSync(origin, destination, { recursive: true });
        }
        say(`     COPY ${args}`);
      } else if (instruction === 'RUN') {
        const command = args.replace(/--mount=\S+\s*/g, '');
        settings.runs.push(command);
        if (!command.startsWith('npm ')) {
          say(`skip RUN ${command} (needs root inside the image; Docker only)`);
          continue;
        }
        say(`run  ${command}`);
        const result = spawnSync('sh', ['-c', command], { cwd: dir, env: { ...process.env, ...env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' }, encoding: 'utf8' });
        process.stderr.write(result.stderr.split('\n').filter((line) => !/install-scripts/.test(line)).join('\n'));
        check(result.status === 0, `${stage.name}: \`${command}\` exits 0`);
        // Runtime dependencies must all admit Node 20; the build stage's dev tools may not (README, "Dependencies").
        if (command.includes('--omit=dev')) check(!/EBADENGINE/.test(result.stderr), `${stage.name}: \`${command}\` prints no EBADENGINE warning`);
      } else if (instruction === 'CMD') settings.cmd = execForm(args);
      else if (instruction === 'HEALTHCHECK') settings.healthcheck = execForm(args.slice(args.indexOf('CMD')));
      else if (instruction === 'USER') settings.user = args;
      else if (instruction === 'VOLUME') settings.volumes = execForm(args);
      else if (instruction === 'STOPSIGNAL') settings.stopSignal = args;
      else say(`     ${instruction} ${args}`);
    }
    final = settings;
  }
  return final;
}

function checkStaticRules(stages, final) {
  say('\n== rules');
  check(stages.length >= 2, 'multi-stage build');
  check(/^node:20[\w.-]*-slim$/.test(stages.at(-1).image), `final stage on a Node 20 slim image (${stages.at(-1).image})`);
  check(final.runs.some((run) => /\bnpm ci\b.*--omit=dev/.test(run)), 'final stage installs with `npm ci --omit=dev`');
  check(final.user !== 'root' && final.user !== '0', `runs as a non-root user (${final.user})`);
  check(JSON.stringify(final.cmd) === JSON.stringify(['node', 'dist/main.js']), 'CMD ["node", "dist/main.js"] in exec form');
  check(final.healthcheck !== null && !final.healthcheck.some((part) => /curl|wget/.test(part)), 'HEALTHCHECK in exec form, without curl or wget');
  check(final.volumes.includes(final.env.DATA_DIR), `DATA_DIR (${final.env.DATA_DIR}) is a VOLUME`);
}

async function runFinalStage(final) {
  say('\n== run the final stage');
  const port = await freePort();
  // The image's ENV, with what only a container isolates moved aside: ports, the data volume, the network.
  const env = { PATH: process.env.PATH, ...final.env, HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: String(await freePort()), DATA_DIR: join(WORK, 'data'), OPENROUTER_BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'warn' };
  const [command, ...args] = final.cmd;
  const child = spawn(command === 'node' ? process.execPath : command, args, { cwd: final.dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const healthcheck = () => spawnSync(final.healthcheck[0] === 'node' ? process.execPath : final.healthcheck[0], final.healthcheck.slice(1), { cwd: final.dir, env }).status;
  const started = Date.now();
  let healthy = false;
  while (!healthy && Date.now() - started < 30_000) {
    healthy = healthcheck() === 0;
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  check(healthy, `HEALTHCHECK passes (${Date.now() - started} ms after start)`);
  const metrics = await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`).then((response) => response.text(), () => '');
  check(metrics.includes('llm_catalogue_configs'), '/metrics answers on METRICS_PORT');
  child.kill(final.stopSignal);
  const code = await exited;
  check(code === 0, `${final.stopSignal} ends it with exit status 0 (got ${code})`);
  check(healthcheck() !== 0, 'HEALTHCHECK fails once it is stopped');
}

async function checkCompose(final) {
  say('\n== compose.yaml');
  const compose = parseYaml(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true });
  const { ENV_KEYS, parseEnv } = await import(pathToFileURL(join(final.dir, 'dist', 'env.js')).href);
  const replicas = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
  check(replicas.length >= 2, `${replicas.length} replicas built from this Dockerfile`);
  check(compose.services.redis !== undefined, 'a redis service');
  const samples = { REDIS_PASSWORD: 'sample-password', ADMIN_TOKEN: 'sample-admin-token-0123456789' };
  for (const [name, service] of replicas) {
    // ${NAME:?message} and ${NAME:-default} as compose substitutes them, with sample values for the required ones.
    const environment = Object.fromEntries(
      Object.entries(service.environment).map(([key, value]) => [key, String(value).replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_all, variable, kind, rest) => samples[variable] ?? (kind === '-' ? rest : ''))]),
    );
    const unknown = Object.keys(environment).filter((key) => !ENV_KEYS.includes(key));
    check(unknown.length === 0, `${name}: every variable is one the server reads${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    let parsed = null;
    try {
      parsed = parseEnv(environment);
    } catch (error) {
      say(String(error.message));
    }
    check(parsed !== null, `${name}: the server accepts its environment`);
    check(parsed !== null && compose.services[new URL(parsed.REDIS_URL).hostname] !== undefined, `${name}: REDIS_URL points at a compose service`);
    check(service.volumes.some((volume) => volume.endsWith(`:${final.env.DATA_DIR}`)), `${name}: its own volume at DATA_DIR`);
    const grace = Number.parseInt(String(service.stop_grace_period), 10) * 1000;
    check(parsed !== null && grace > parsed.SHUTDOWN_GRACE_MS, `${name}: stop_grace_period (${service.stop_grace_period}) exceeds SHUTDOWN_GRACE_MS`);
  }
  const ids = replicas.map(([, service]) => service.environment.REPLICA_ID);
  check(new Set(ids).size === ids.length, 'each replica has its own REPLICA_ID');
}

try {
  const stages = readDockerfile();
  const final = buildStages(stages);
  checkStaticRules(stages, final);
  await runFinalStage(final);
  await checkCompose(final);
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  say(problems.at(-1));
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
say(problems.length === 0 ? '\ncontainer check passed (without Docker: base images, USER and VOLUME were not exercised)' : `\ncontainer check failed: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
