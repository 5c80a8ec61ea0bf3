import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateHealth, uptimePercent } from '../src/catalogue/model-health.js';
import { roundHalfEven } from '../src/catalogue/python-round.js';
import { ENDPOINTS_DIR, readFixtureJson } from './support/fixtures.js';

describe('health of real /endpoints payloads', () => {
  const expected = readFixtureJson<Record<string, { gated: boolean; score: number | null }>>('conformance', 'health-real-endpoints.json');
  it('covers every endpoints fixture', () => expect(Object.keys(expected).sort()).toEqual(readdirSync(ENDPOINTS_DIR).sort()));
  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: gated ${want.gated}, score ${want.score}`, () => {
      const endpoints = readFixtureJson<{ data: { endpoints: unknown[] } }>('openrouter', 'endpoints', file).data.endpoints;
      const facts = aggregateHealth(endpoints, 0);
      expect(facts.gated).toBe(want.gated);
      expect(facts.score).toBe(want.score); // to the bit
    });
  }
  it('explains the facts: gpt-4o has an Azure endpoint with status -2', () => {
    const facts = aggregateHealth(readFixtureJson<{ data: { endpoints: unknown[] } }>('openrouter', 'endpoints', 'openai__gpt-4o.json').data.endpoints, 0);
    expect(facts).toMatchObject({ endpointCount: 2, okEndpointCount: 1, uptimeWindow: 'uptime_last_30m', freshnessWindow: 'uptime_last_5m', gateReason: null });
    const old = aggregateHealth(readFixtureJson<{ data: { endpoints: unknown[] } }>('openrouter', 'endpoints', 'google__gemini-2.5-pro-preview.json').data.endpoints, 0);
    expect(old).toMatchObject({ gated: true, gateReason: 'NO_UPTIME_DATA', bestUptimePct: null, endpointCount: 2, okEndpointCount: 2 });
  });
});

describe('health rules at their boundaries', () => {
  const ep = (fields: Record<string, unknown>) => ({ status: 0, ...fields });
  it('parses uptime values like the original', () => {
    expect(uptimePercent(0.95)).toBeCloseTo(95, 12);
    expect(uptimePercent(1)).toBe(100);
    expect(uptimePercent(0)).toBe(0);
    expect(uptimePercent(1.5)).toBe(1.5);
    expect(uptimePercent('99.5')).toBe(99.5);
    expect(uptimePercent(-3)).toBeNull();
    expect(uptimePercent(null)).toBeNull();
    expect(uptimePercent('n/a')).toBeNull();
  });
  it('gates below 90 and not at 90', () => {
    expect(aggregateHealth([ep({ uptime_last_30m: 89.999 })], 0)).toMatchObject({ gated: true, gateReason: 'UPTIME_BELOW_THRESHOLD', score: null });
    expect(aggregateHealth([ep({ uptime_last_30m: 90 })], 0)).toMatchObject({ gated: false, score: 0.5 * 90 + 0.3 * 100 + 0.2 * 90 });
  });
  it('gates with no endpoints, no OK endpoint, or no uptime at all', () => {
    expect(aggregateHealth([], 0)).toMatchObject({ gated: true, gateReason: 'NO_ENDPOINTS' });
    expect(aggregateHealth([{ status: -2, uptime_last_30m: 99 }, { uptime_last_30m: 99 }, { status: '0', uptime_last_30m: 99 }], 0)).toMatchObject({ gated: true, gateReason: 'NO_OK_ENDPOINT', okEndpointCount: 0 });
    expect(aggregateHealth([ep({ uptime_last_30m: null, uptime_last_1d: null })], 0)).toMatchObject({ gated: true, gateReason: 'NO_UPTIME_DATA' });
    expect(aggregateHealth(['not an object', null], 0)).toMatchObject({ gated: true, gateReason: 'NO_OK_ENDPOINT', endpointCount: 2 });
  });
  it('takes the best of the first window with data, and freshness from 5m first', () => {
    const facts = aggregateHealth([ep({ uptime_last_1d: 99, uptime_last_5m: 0.5 }), { status: -2, uptime_last_1d: 95 }], 0);
    expect(facts).toMatchObject({ bestUptimePct: 99, uptimeWindow: 'uptime_last_1d', freshnessPct: 50, freshnessWindow: 'uptime_last_5m' });
    expect(facts.score).toBe(0.5 * 99 + 0.3 * 100 + 0.2 * 50);
  });
});

describe("Python's round()", () => {
  it('rounds half to even on exact doubles', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999999999999996, 2.675, 84.5, 85.5, 99.9].map(roundHalfEven)).toEqual([0, 2, 2, 4, 0, -2, 2, 3, 84, 86, 100]);
    expect(Object.is(roundHalfEven(-0.4), 0)).toBe(true);
  });
});

describe('endpoints URL', () => {
  it('keeps author/slug, encodes variants, and cannot be steered by dot segments', async () => {
    const { endpointsPath } = await import('../src/openrouter/endpoints-client.js');
    const { openRouterUrl } = await import('../src/openrouter/models-client.js');
    expect(endpointsPath('openai/gpt-4o')).toBe('api/v1/models/openai/gpt-4o/endpoints');
    expect(openRouterUrl('http://127.0.0.1:9', endpointsPath('meta-llama/llama-3:free')).pathname).toBe('/api/v1/models/meta-llama/llama-3%3Afree/endpoints');
    expect(() => endpointsPath('../../../admin')).toThrow(/dot segment/);
    expect(() => endpointsPath('acme/.')).toThrow(/dot segment/);
    const { fetchModelEndpoints } = await import('../src/openrouter/endpoints-client.js');
    const { Agent } = await import('undici');
    const dispatcher = new Agent();
    expect(await fetchModelEndpoints('../admin', { dispatcher, baseUrl: 'http://127.0.0.1:9' })).toMatchObject({ ok: false, error: { kind: 'bad-shape' } });
    await dispatcher.close();
    expect(openRouterUrl('http://127.0.0.1:9', endpointsPath('a/b?x=1#y')).pathname).toBe('/api/v1/models/a/b%3Fx%3D1%23y/endpoints');
  });
});
