import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, snapshotPath } from '../../src/catalogue/snapshot-file.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { FakeUpstream } from '../support/upstream.js';

/** Issue 12.7: what one upstream list can cost in responses, memory, change records and the data file. */

const ADMIN = 'amplification-admin-token-0123456789';
const REAL = readFixtureBytes('openrouter', 'models-2026-06-16.json');
const realModels = (JSON.parse(REAL.toString('utf8')) as { data: Record<string, unknown>[] }).data;

/** A list body made of the real models plus `extra` JSON texts, built as text (no giant object graph). */
function listWith(extra: string[], base: Record<string, unknown>[] = realModels): Buffer {
  return Buffer.from(`{"data":[${[...base.map((model) => JSON.stringify(model)), ...extra].join(',')}]}`);
}

const opened: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.stop();
});

async function serve(body: () => Buffer, yaml?: string): Promise<{ server: ServerProcess; dataDir: string; upstream: FakeUpstream }> {
  const upstream = new FakeUpstream().route('/api/v1/models', (_req, res) => res.end(body()));
  await upstream.start();
  opened.push(upstream);
  const dataDir = mkdtempSync(join(tmpdir(), 'amplification-'));
  const env: Record<string, string> = { OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN };
  if (yaml !== undefined) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'catalogue.yaml'), yaml);
    env.CATALOGUE_CONFIG = join(dataDir, 'catalogue.yaml');
  }
  const server = await startServer(env);
  opened.push({ stop: async () => void (server.child.kill('SIGTERM'), await server.exited) });
  return { server, dataDir, upstream };
}

async function graphql(server: ServerProcess, query: string, admin = false): Promise<{ text: string; body: { data?: Record<string, any>; errors?: unknown[] } }> {
  const response = await request(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${ADMIN}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const text = await response.body.text();
  return { text, body: JSON.parse(text) as { data?: Record<string, any>; errors?: unknown[] } };
}

async function firstRefresh(server: ServerProcess): Promise<{ outcome: string; message: string }> {
  for (let i = 0; i < 300; i += 1) {
    const { body } = await graphql(server, '{ catalogue { lastRefresh { outcome message } } }');
    if (body.data?.catalogue.lastRefresh) return body.data.catalogue.lastRefresh;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no refresh happened');
}

/** The data file's size once the accepted version is saved (a refresh reports before its version is written to disk). */
async function savedSize(dataDir: string): Promise<number> {
  for (let i = 0; i < 100; i += 1) {
    if (existsSync(snapshotPath(dataDir))) return statSync(snapshotPath(dataDir)).size;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the data file was never written');
}

const SELECTOR = '{ llmConfigs(includeAuto: true) { id name modelName tier contextLength pricing { prompt completion } qualityScore } catalogueChanges(last: 50) { added { name } removed { name } } }';

describe('amplification from upstream', () => {
  it('a 30 MB model name is left out: not in responses, change records or the data file', async () => {
    const template = realModels.find((model) => model.id === 'openai/gpt-5.5')!;
    const huge = JSON.stringify({ ...template, id: 'acme/huge-name', name: 'x'.repeat(30 * 1024 * 1024) });
    const { server, dataDir } = await serve(() => listWith([huge]));
    expect(await firstRefresh(server)).toMatchObject({ outcome: 'ACCEPTED' });
    const { text, body } = await graphql(server, SELECTOR);
    expect(body.errors).toBeUndefined();
    expect(text.length).toBeLessThan(200_000);
    expect(text).not.toContain('xxxxxxxxxx');
    expect((body.data!.llmConfigs as { modelName: string }[]).some((config) => config.modelName === 'acme/huge-name')).toBe(false);
    expect(await savedSize(dataDir)).toBeLessThan(200_000);
    expect(server.logs.some((line) => line.includes('1 with an id, name or price longer than max_string_length (1000)'))).toBe(true);
  });

  it('100,000 valid models: the GROWN guard refuses them; forced, max_models keeps 5,000', async () => {
    const minimal = (i: number) => `{"id":"acme/model-${i}","name":"Model ${i}","context_length":200000,"architecture":{"output_modalities":["text"]},"supported_parameters":["tools"],"pricing":{"prompt":"0.000001","completion":"0.000002"}}`;
    const { server, dataDir } = await serve(() => listWith(Array.from({ length: 100_000 }, (_, i) => minimal(i)), []));
    const refused = await firstRefresh(server);
    expect(refused.outcome).toBe('REJECTED_BY_GUARD');
    expect(refused.message).toBe('the fetched list keeps 100000 OpenRouter models (5000 after max_models) against 228 served (over 3× as many); use force to accept it');
    const status = await graphql(server, '{ catalogue { origin counts { openRouter } } }');
    expect(status.body.data!.catalogue).toEqual({ origin: 'BUNDLED_SNAPSHOT', counts: { openRouter: 228 } });

    const forced = await graphql(server, 'mutation { refreshCatalogue(force: true) { __typename ... on RefreshCatalogueSuccess { catalogue { counts { openRouter } } } } }', true);
    expect(forced.body.data!.refreshCatalogue).toEqual({ __typename: 'RefreshCatalogueSuccess', catalogue: { counts: { openRouter: 5_000 } } });
    const persisted = await readSnapshot(dataDir);
    expect(persisted!.models).toHaveLength(5_000);
    expect(server.logs.some((line) => line.includes('95000 past max_models (5000)'))).toBe(true);
  });

  it('1,000,000 excluded objects: the list is refused as too large; 90,000 of them are accepted but never persisted', async () => {
    let excluded = 1_000_000;
    const { server, dataDir } = await serve(() => listWith(Array.from({ length: excluded }, (_, i) => `{"id":"acme/excluded-${i}"}`)));
    expect(await firstRefresh(server)).toMatchObject({ outcome: 'UPSTREAM_UNAVAILABLE', message: 'GET /api/v1/models: the list has more than 100000 model objects' });
    excluded = 90_000;
    const accepted = await graphql(server, 'mutation { refreshCatalogue { __typename } }', true);
    expect(accepted.body.data!.refreshCatalogue).toEqual({ __typename: 'RefreshCatalogueSuccess' });
    const persisted = await readSnapshot(dataDir);
    expect(persisted!.models).toHaveLength(228);
    expect(statSync(snapshotPath(dataDir)).size).toBeLessThan(200_000);
  });
});
