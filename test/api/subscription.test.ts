import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';

/** Reads Server-Sent Events until `count` `next` events arrived, then cancels the stream. */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<unknown[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffered = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      const data = block.split('\n').find((line) => line.startsWith('data:'));
      if (block.startsWith('event: next') && data) events.push(JSON.parse(data.slice(5)));
    }
  }
  await reader.cancel();
  return events;
}

describe('catalogueUpdated subscription (SSE)', () => {
  it('emits the status of each new version and stops listening when the client goes away', async () => {
    const catalogue = new FakeCatalogue();
    const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false });
    const response = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { catalogueUpdated { version origin counts { total } } }' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(response.body!, 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    catalogue.publish(fixtureVersion({ version: 2 }));
    catalogue.publish(fixtureVersion({ version: 3 }));
    expect(await events).toEqual([
      { data: { catalogueUpdated: { version: 2, origin: 'LIVE', counts: { total: 230 } } } },
      { data: { catalogueUpdated: { version: 3, origin: 'LIVE', counts: { total: 230 } } } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((catalogue as unknown as { listeners: Set<unknown> }).listeners.size).toBe(0);
  });
});
