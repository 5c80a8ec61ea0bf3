import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/catalogue/snapshot-file.js';
import { readFixtureBytes } from './support/fixtures.js';
import { freePort } from './support/redis-server.js';
import { portIsFree, processGroupMembers, startServer } from './support/server-process.js';
import { FakeUpstream } from './support/upstream.js';

const ADMIN = 'lifecycle-admin-token-0123456789';

async function graphql(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('the real server process', () => {
  const upstream = new FakeUpstream();
  afterAll(() => upstream.stop());

  it('SIGTERM during a refresh drains, exits 0 and leaves a valid data file; a restart offline serves the same catalogue', async () => {
    let calls = 0;
    upstream.route('/api/v1/models', (_req, res) => {
      calls += 1;
      // The first fetch (startup) answers at once; later ones hang long enough for SIGTERM to land mid-refresh.
      const delay = calls === 1 ? 0 : 3_000;
      setTimeout(() => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')), delay).unref();
    });
    await upstream.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'process-data-'));
    const env = { OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SHUTDOWN_GRACE_MS: '8000' };
    const server = await startServer(env);
    // Wait for the startup refresh to be accepted and persisted.
    for (let i = 0; i < 100 && (await readSnapshot(dataDir).catch(() => null)) === null; i += 1) await new Promise((r) => setTimeout(r, 100));
    const before = await graphql(server.url, '{ catalogue { etag origin } llmConfigs { id tier qualityScore } }');
    expect(before.data!.catalogue).toMatchObject({ origin: 'LIVE' });

    const pending = graphql(server.url, 'mutation { refreshCatalogue { __typename ... on UpstreamUnavailableError { failureKind } } }', { authorization: `Bearer ${ADMIN}` });
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    server.child.kill('SIGTERM');
    const result = await pending;
    expect(result.data).toEqual({ refreshCatalogue: { __typename: 'UpstreamUnavailableError', failureKind: 'aborted' } });
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(server.logs.some((line) => line.includes('shutdown complete'))).toBe(true);
    const snapshot = await readSnapshot(dataDir);
    // Only the 228 models that made configs are persisted, not the 109 a rule excluded (issue 12.7).
    expect(snapshot!.models).toHaveLength(228);

    await upstream.stop();
    const restarted = await startServer(env);
    try {
      const after = await graphql(restarted.url, '{ catalogue { etag origin } llmConfigs { id tier qualityScore } }');
      expect(after.data!.catalogue).toEqual({ etag: (before.data!.catalogue as { etag: string }).etag, origin: 'PERSISTED' });
      expect(after.data!.llmConfigs).toEqual(before.data!.llmConfigs);
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
  });

  it('refuses to start on an invalid operator file, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-config-'));
    const path = join(dir, 'catalogue.yaml');
    (await import('node:fs')).writeFileSync(path, 'global_llm_configs:\n  - id: -1\n    name: X\n    provider: AZURE\n    model_name: m\n    rpm: fast\n');
    await expect(startServer({ CATALOGUE_CONFIG: path, DATA_DIR: dir })).rejects.toThrow(/global_llm_configs\[0\]\.rpm: expected number, got string/);
  });
});

describe('shutdown with a live subscription', () => {
  it('an open catalogueUpdated stream does not hold the process past its drain time; exit 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sse-shutdown-'));
    const server = await startServer({ OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '6000' });
    const response = await request(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { catalogueUpdated { version } }' }),
    });
    expect(response.headers['content-type']).toContain('text/event-stream');
    const streamEnded = new Promise<void>((resolve) => {
      response.body.on('end', () => resolve());
      response.body.on('error', () => resolve());
      response.body.resume();
    });
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    await streamEnded;
  });
});

describe('a second signal', () => {
  it('forces the exit at once while the first shutdown is still draining', async () => {
    const server = await startServer({ OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), 'second-signal-')), SHUTDOWN_GRACE_MS: '10000' });
    // An open subscription keeps the first shutdown draining for 2 s.
    const response = await request(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { catalogueUpdated { version } }' }),
    });
    response.body.on('error', () => {});
    response.body.resume();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.logs.some((line) => line.includes('second SIGINT: exiting now'))).toBe(true);
  });
});

describe('the etag across a clean restart', () => {
  it('is equal when every served field is, health included (issue 12.3)', async () => {
    const upstream = new FakeUpstream();
    const endpoints = readFixtureBytes('openrouter', 'endpoints', 'openai__gpt-4o.json');
    upstream.json('/api/v1/models', readFixtureBytes('openrouter', 'models-2026-06-16.json'));
    upstream.fallback((_req, res) => res.end(endpoints));
    await upstream.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'etag-restart-'));
    const env = { OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: dataDir };
    const everything = '{ catalogue { etag origin } llmConfigs(includeAuto: true) { id name modelName tier contextLength pricing { prompt completion } litellmParams qualityScore qualityScoreStatic qualityScoreHealth healthGated health { gated gateReason score bestUptimePct uptimeWindow freshnessPct freshnessWindow endpointCount okEndpointCount checkedAt fromCache } } }';
    const first = await startServer(env);
    let before: Awaited<ReturnType<typeof graphql>> | null = null;
    try {
      for (let i = 0; i < 100; i += 1) {
        const status = await graphql(first.url, '{ catalogue { origin enrichedAt } }');
        const catalogue = status.data!.catalogue as { origin: string; enrichedAt: string | null };
        if (catalogue.origin === 'LIVE' && catalogue.enrichedAt !== null && (await readSnapshot(dataDir).catch(() => null))?.enrichedAt) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      before = await graphql(first.url, everything);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      await upstream.stop();
    }
    const configs = before.data!.llmConfigs as { health: unknown }[];
    expect(configs.filter((config) => config.health !== null).length).toBeGreaterThan(50);

    const second = await startServer(env);
    try {
      const after = await graphql(second.url, everything);
      expect(after.data!.catalogue).toEqual({ ...(before.data!.catalogue as object), origin: 'PERSISTED' });
      expect(after.data!.llmConfigs).toEqual(before.data!.llmConfigs);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});

/** An open catalogueUpdated stream: it keeps a shutdown draining for its drain time (2 s). */
async function openSubscription(url: string): Promise<void> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { catalogueUpdated { version } }' }),
  });
  response.body.on('error', () => {});
  response.body.resume();
}

describe('started as the README says: `npm start` with a PORT, signalled like a container runtime signals its process', () => {
  const groups: number[] = [];
  // A failed test must not leave a server behind: kill whatever is left of each process group.
  afterEach(() => {
    for (const pgid of groups.splice(0)) if (processGroupMembers(pgid).length > 0) process.kill(-pgid, 'SIGKILL');
  });

  const start = async () => {
    const port = await freePort();
    const env = { PORT: String(port), OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), 'npm-start-')), SHUTDOWN_GRACE_MS: '8000' };
    const server = await startServer(env, 60_000, { launcher: 'npm' });
    groups.push(server.child.pid!);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    // npm execs node in place of its shell: npm and node are the whole tree.
    expect(processGroupMembers(server.child.pid!)).toHaveLength(2);
    return { server, port };
  };

  const expectNothingLeft = async (pgid: number, port: number) => {
    // npm exits once node has: by then no member of its process group may remain.
    expect(processGroupMembers(pgid)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the npm process alone: graceful shutdown, exit status 0, no process left, port free`, async () => {
      const { server, port } = await start();
      const started = Date.now();
      process.kill(server.child.pid!, signal);
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(server.logs.some((line) => line.includes(`"${signal} received: shutting down"`))).toBe(true);
      expect(server.logs.some((line) => line.includes('"shutdown complete"'))).toBe(true);
      await expectNothingLeft(server.child.pid!, port);
    });
  }

  it('Ctrl-C in a terminal (SIGINT to the whole process group, forwarded again by npm) is one request: exit status 0', async () => {
    const { server, port } = await start();
    process.kill(-server.child.pid!, 'SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.logs.some((line) => line.includes('second SIGINT'))).toBe(false);
    await expectNothingLeft(server.child.pid!, port);
  });

  it('a second SIGTERM to npm while the first shutdown drains forces the exit at once; nothing is left', async () => {
    const { server, port } = await start();
    await openSubscription(server.url);
    process.kill(server.child.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const forced = Date.now();
    process.kill(server.child.pid!, 'SIGTERM');
    expect(await server.exited).toBe(1);
    expect(Date.now() - forced).toBeLessThan(1_500);
    expect(server.logs.some((line) => line.includes('second SIGTERM: exiting now'))).toBe(true);
    await expectNothingLeft(server.child.pid!, port);
  });

  it('SIGTERM while the server is still starting: exit status 0', async () => {
    const port = await freePort();
    const child = (await import('node:child_process')).spawn(process.execPath, ['dist/main.js'], {
      cwd: new URL('../', import.meta.url),
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: '0', OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), 'early-signal-')) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    let stderr = '';
    // The first log line means the handlers are installed; the catalogue is not loaded yet.
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), resolve())));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    expect(stderr).toMatch(/SIGTERM received/);
  });
});

describe('ports already taken', () => {
  it('refuses to start with one line naming the address and the setting, for the API port and the metrics port', async () => {
    const { createServer } = await import('node:net');
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = String((squatter.address() as { port: number }).port);
    const base = { OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), 'taken-')) };
    try {
      await expect(startServer({ ...base, PORT: taken })).rejects.toThrow(new RegExp(`llm-catalogue: cannot serve the API on 127\\.0\\.0\\.1:${taken}: listen EADDRINUSE`));
      await expect(startServer({ ...base, METRICS_PORT: taken })).rejects.toThrow(
        new RegExp(`llm-catalogue: cannot serve metrics on 127\\.0\\.0\\.1:${taken} \\(set METRICS_PORT to another port, or off\\): listen EADDRINUSE`),
      );
      const off = await startServer({ ...base, METRICS_PORT: 'off' });
      expect(off.metricsUrl).toBeNull();
      off.child.kill('SIGTERM');
      expect(await off.exited).toBe(0);
    } finally {
      squatter.close();
    }
  });
});

describe('an outbound request that ignores its abort', () => {
  it('SIGTERM while the startup refresh is stuck in a TLS handshake: outbound connections are cut, exit 0 well within the grace period', async () => {
    // Accepts TCP connections and never answers the TLS ClientHello: undici stays in its connect phase,
    // where it does not notice an abort (the same happens with a slow DNS lookup).
    const { createServer } = await import('node:net');
    const silent = createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const server = await startServer({ OPENROUTER_BASE_URL: `https://127.0.0.1:${port}`, DATA_DIR: mkdtempSync(join(tmpdir(), 'stuck-tls-')), SHUTDOWN_GRACE_MS: '8000' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(server.logs.some((line) => line.includes('cutting outbound connections'))).toBe(true);
      expect(server.logs.some((line) => line.includes('"shutdown complete"'))).toBe(true);
    } finally {
      silent.close();
    }
  });
});
