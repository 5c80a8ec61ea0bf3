import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { post } from './support/api.js';
import { readFixtureBytes } from './support/fixtures.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';
import { FakeUpstream, type UpstreamHandler } from './support/upstream.js';

const ADMIN = 'report-admin-token-0123456789abcd';
const LIST = readFixtureBytes('openrouter', 'models-2026-06-16.json');
const REPORT = 'lastRefresh { trigger outcome message startedAt finishedAt }';

/** Reads Server-Sent Events until one `next` event arrives, then cancels the stream. */
async function firstEvent(body: ReadableStream<Uint8Array>): Promise<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended without an event: ${buffered}`);
    buffered += decoder.decode(value, { stream: true });
    const match = /event: next\ndata: (.*)\n/.exec(buffered);
    if (match) {
      await reader.cancel();
      return JSON.parse(match[1]!);
    }
  }
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

describe('what a refresh announces carries its own report', () => {
  it('the catalogueUpdated event after an accepted refresh says ACCEPTED, as the mutation does, even when the attempt before failed', async () => {
    let answer: UpstreamHandler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"error":"busy"}');
    };
    const upstream = new FakeUpstream().route('/api/v1/models', (req, res) => answer(req, res));
    await upstream.start();
    opened.push({ close: () => upstream.stop() });
    // A real data file: saving takes a moment, as it does in production, between putting the version in place and finishing.
    const test: TestCatalogue = makeCatalogue(upstream.baseUrl, { dataDir: mkdtempSync(join(tmpdir(), 'reports-')) });
    opened.push(test);
    test.catalogue.parts.scheduler.setEnabled(false);
    await test.catalogue.start();
    const app = createApp({ catalogue: test.catalogue, adminToken: ADMIN, logger: test.logger, graphiql: false });
    const admin = { authorization: `Bearer ${ADMIN}` };
    const mutation = `mutation { refreshCatalogue { __typename ... on RefreshCatalogueSuccess { catalogue { version ${REPORT} } } } }`;

    expect((await post(app, { query: mutation }, admin)).body.data).toEqual({ refreshCatalogue: { __typename: 'UpstreamUnavailableError' } });
    answer = (_req, res) => res.end(LIST);
    const response = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: `subscription { catalogueUpdated { version ${REPORT} } }` }),
    });
    const event = firstEvent(response.body!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = (await post<{ refreshCatalogue: { catalogue: { version: number; lastRefresh: Record<string, unknown> } } }>(app, { query: mutation }, admin)).body.data!.refreshCatalogue;
    expect(result.catalogue.lastRefresh).toMatchObject({ trigger: 'ADMIN', outcome: 'ACCEPTED', message: `accepted version ${result.catalogue.version} with 228 configs` });
    expect(await event).toEqual({ data: { catalogueUpdated: result.catalogue } });
    const status = await post<{ catalogue: { lastRefresh: unknown } }>(app, { query: `{ catalogue { ${REPORT} } }` });
    expect(status.body.data!.catalogue.lastRefresh).toEqual(result.catalogue.lastRefresh);
  });
});
