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
    for (const overSocket of [true, false]) {
      batches.length = 0;
      const app = createApp({ catalogue, adminToken: null, logger: silentLogger, graphiql: false, healthLookup: counting });
      // Over a real socket and in-process alike.
      const body = { query: '{ llmConfigs { id health { score } } again: llmConfigs(orderBy: ID) { health { gated } } }' };
      if (overSocket) {
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

  it('executes a request once, errors or not, on every media type (issue 11: errored queries ran twice)', async () => {
    const batches: number[] = [];
    const counting: HealthLookup = (version, ids) => {
      batches.push(ids.length);
      return lookupHealth(version, ids);
    };
    const app = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false, healthLookup: counting });
    const listening = await listen(app);
    try {
      // A field error next to a list with health: the list resolves once, the error is reported once.
      const body = JSON.stringify({ query: '{ llmConfigs { id health { score } } bad: autoPick(threadId: "t", premiumEligible: true, excludeIds: [1]) { chosen { id } } broken: llmConfig(id: 1) { id } changes: catalogueChanges(last: 0) { toVersion } }' });
      for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
        batches.length = 0;
        const response = await fetch(`${listening.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
        const result = (await response.json()) as { errors: { message: string }[] };
        expect(result.errors.map((error) => error.message)).toEqual(['last must be between 1 and 50, got 0']);
        expect(batches).toEqual([230]);
      }
    } finally {
      await listening.close();
    }
  });
});
