import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { post } from '../support/api.js';
import { makeCatalogue } from '../support/test-catalogue.js';
import { readFixtureBytes } from '../support/fixtures.js';
import { FakeUpstream } from '../support/upstream.js';

interface Snapshot {
  catalogue: { version: number; etag: string; counts: { total: number } };
  llmConfigs: { id: number }[];
  first: { id: number } | null;
}

describe('immutable versions', () => {
  const upstream = new FakeUpstream();
  afterAll(() => upstream.stop());

  it('queries running during 100 refreshes each see exactly one version', async () => {
    const bodies = [readFixtureBytes('openrouter', 'models-2025-12-02.json'), readFixtureBytes('openrouter', 'models-2026-06-16.json')];
    let call = 0;
    upstream.route('/api/v1/models', (_req, res) => res.end(bodies[call++ % 2]));
    await upstream.start();
    const test = makeCatalogue(upstream.baseUrl, { yaml: 'openrouter_integration:\n  max_shrink_fraction: 1\n' });
    test.catalogue.parts.scheduler.setEnabled(false);
    await test.catalogue.start();
    const app = createApp({ catalogue: test.catalogue, adminToken: null, logger: silentLogger, graphiql: false });
    const idsByEtag = new Map<string, string>([[test.catalogue.current()!.etag, test.catalogue.current()!.configs.map((c) => c.id).join(',')]]);
    test.catalogue.onVersion((version) => idsByEtag.set(version.etag, version.configs.map((c) => c.id).join(',')));

    let refreshing = true;
    const outcomes: string[] = [];
    const refresher = (async () => {
      try {
        for (let i = 0; i < 100; i += 1) outcomes.push((await test.catalogue.refresh({ trigger: 'admin' })).kind);
      } finally {
        refreshing = false;
      }
    })();
    const seen: Snapshot[] = [];
    // The configs are listed twice in one operation; both lists and the status must agree.
    const query = '{ catalogue { version etag counts { total } } llmConfigs { id } first: llmConfig(id: -1) { id } }';
    const deadline = Date.now() + 60_000;
    while (refreshing && Date.now() < deadline) {
      const batch = await Promise.all(Array.from({ length: 4 }, () => post<Snapshot>(app, { query })));
      for (const { body } of batch) seen.push(body.data!);
      // In-process fetches settle in microtasks; yield so the refresher's socket I/O can run.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await refresher;
    await test.close();
    expect(outcomes).toEqual(Array.from({ length: 100 }, () => 'accepted'));

    expect(seen.length).toBeGreaterThan(20);
    const versions = new Set(seen.map((s) => s.catalogue.version));
    expect(versions.size).toBeGreaterThan(5);
    for (const snapshot of seen) {
      expect(snapshot.llmConfigs.map((c) => c.id).join(',')).toBe(idsByEtag.get(snapshot.catalogue.etag));
      expect(snapshot.llmConfigs).toHaveLength(snapshot.catalogue.counts.total);
    }
    expect(call).toBe(100);
  });
});
