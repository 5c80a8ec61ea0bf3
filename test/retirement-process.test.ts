import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { readFixtureBytes } from './support/fixtures.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { FakeUpstream } from './support/upstream.js';

/** Retirement across a real restart: the grace lives in the data file, not in the process. */

const ADMIN = 'retirement-admin-token-0123456789ab';
const RETIRED = '{ catalogue { etag lastRefresh { trigger outcome } counts { retired } } llmConfigs(filter: { lifecycle: [RETIRED] }) { id modelName lifecycle retiredAt successor { modelName } } }';

interface Retired {
  catalogue: { etag: string; lastRefresh: { trigger: string; outcome: string } | null; counts: { retired: number } };
  llmConfigs: { id: number; modelName: string; lifecycle: string; retiredAt: string; successor: { modelName: string } | null }[];
}

async function graphql<T>(server: ServerProcess, query: string, admin = false): Promise<T> {
  const response = await request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${ADMIN}` } : {}) }, body: JSON.stringify({ query }) });
  const body = (await response.body.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function afterStartupRefresh(server: ServerProcess): Promise<Retired> {
  for (let i = 0; i < 200; i += 1) {
    const state = await graphql<Retired>(server, RETIRED);
    if (state.catalogue.lastRefresh?.trigger === 'STARTUP') return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no startup refresh');
}

describe('retired models across a real process restart', () => {
  let body = readFixtureBytes('openrouter', 'models-2025-12-02.json');
  const upstream = new FakeUpstream().route('/api/v1/models', (_req, res) => res.end(body));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await upstream.stop();
  });

  it('are served after a restart with the same ids, retirement times and successors, and the next list does not retire them again', async () => {
    await upstream.start();
    const env = { OPENROUTER_BASE_URL: upstream.baseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'retirement-process-')), ADMIN_TOKEN: ADMIN };
    const first = await startServer(env);
    servers.push(first);
    const startup = await afterStartupRefresh(first);
    expect(startup.catalogue.counts.retired).toBe(0);
    body = readFixtureBytes('openrouter', 'models-2026-06-16.json');
    // A refresh reports before its version is saved, and one asked for before the save ends joins it
    // (answering with the startup version): ask until the answer is a version made from the new list.
    const REFRESH = 'mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { etag } } } }';
    let refreshed: { refreshCatalogue: { __typename: string; catalogue?: { etag: string } } };
    do refreshed = await graphql(first, REFRESH, true);
    while (refreshed.refreshCatalogue.catalogue?.etag === startup.catalogue.etag);
    expect(refreshed.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
    const before = await graphql<Retired>(first, RETIRED);
    expect(before.catalogue.counts.retired).toBe(62);
    expect(before.llmConfigs).toHaveLength(62);
    expect(before.llmConfigs.every((config) => config.lifecycle === 'RETIRED')).toBe(true);
    expect(before.llmConfigs.find((config) => config.modelName === 'x-ai/grok-3')!.successor).toEqual({ modelName: 'x-ai/grok-4.3' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer(env);
    servers.push(second);
    const restored = await graphql<Retired>(second, RETIRED);
    expect(restored.catalogue.etag).toBe(before.catalogue.etag);
    expect(restored.llmConfigs).toEqual(before.llmConfigs);
    // Its startup refresh fetches the same list: still retired since the first time, not again.
    const after = await afterStartupRefresh(second);
    expect(after.catalogue.lastRefresh).toEqual({ trigger: 'STARTUP', outcome: 'ACCEPTED' });
    expect(after.llmConfigs).toEqual(before.llmConfigs);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
