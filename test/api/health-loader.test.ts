import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { lookupHealth, type HealthLookup } from '../../src/context.js';
import { silentLogger } from '../../src/logger.js';
import { listen, post } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

describe('LlmConfig.health', () => {
  it('resolves a whole list through one batched lookup per request', async () => {
    const batches: number[] = [];
    const counting: HealthLookup = (version, ids) => {
      batches.push(ids.length);
      return lookupHealth(version, ids);
    };
    const catalogue = new FakeCatalogue();
    for (const fastPath of [true, false]) {
      batches.length = 0;
      const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false, healthLookup: counting });
      // Through Yoga's HTTP layer (yoga.fetch) and through the socket fast path alike.
      const body = { query: '{ llmConfigs { id health { score } } again: llmConfigs(orderBy: ID) { health { gated } } }' };
      if (fastPath) {
        const listening = await listen(app);
        const response = await fetch(`${listening.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(((await response.json()) as { data: { llmConfigs: unknown[] } }).data.llmConfigs).toHaveLength(230);
        await listening.close();
      } else {
        expect((await post<{ llmConfigs: unknown[] }>(app, body)).body.data!.llmConfigs).toHaveLength(230);
      }
      // 230 configs listed twice: one lookup of 230 distinct ids.
      expect(batches).toEqual([230]);
    }
  });
});
