import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/env.js';
import { parseCorsOrigins } from '../../src/http/cors.js';
import { silentLogger } from '../../src/logger.js';
import { serveDuringSuite } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

const QUERY = JSON.stringify({ query: '{ llmConfigs(filter: { tier: FREE }) { id } }' });

async function post(base: string, origin?: string) {
  const response = await request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: QUERY });
  await response.body.dump();
  return { status: response.statusCode, headers: response.headers };
}

describe('CORS by default: any origin may read anonymous queries, without credentials', () => {
  const server = serveDuringSuite(createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false }));

  it('answers each origin with its own Access-Control-Allow-Origin, fresh, kept and replayed alike', async () => {
    // First sighting, second (kept), then replays: the origin never leaks from one answer into another.
    for (const origin of ['http://a.example', 'http://b.example', 'http://a.example', 'http://b.example', 'https://c.example:8443']) {
      const { status, headers } = await post(server.base, origin);
      expect(status).toBe(200);
      expect(headers['access-control-allow-origin']).toBe(origin);
      expect(headers['access-control-allow-credentials']).toBeUndefined();
      expect(headers['access-control-expose-headers']).toBe('ETag, Retry-After');
      expect(headers.vary).toBe('Origin, Accept');
    }
  });

  it('varies on Origin even when the request has none, so a shared cache never serves it to a browser', async () => {
    const { headers } = await post(server.base);
    expect(headers['access-control-allow-origin']).toBeUndefined();
    expect(headers.vary).toBe('Origin, Accept');
  });

  it('answers a preflight with the allowed methods and headers, cacheable for 10 minutes', async () => {
    const response = await request(`${server.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    await response.body.dump();
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://a.example',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-max-age': '600',
    });
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(response.headers.vary)).toMatch(/Origin/);
  });
});

describe('CORS_ORIGINS lists the origins allowed', () => {
  const server = serveDuringSuite(createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false, corsOrigins: ['http://a.example', 'http://b.example'] }));

  it('echoes an allowed origin and refuses others', async () => {
    expect((await post(server.base, 'http://a.example')).headers['access-control-allow-origin']).toBe('http://a.example');
    expect((await post(server.base, 'http://b.example')).headers['access-control-allow-origin']).toBe('http://b.example');
    const other = await post(server.base, 'http://evil.example');
    expect(other.headers['access-control-allow-origin']).toBe('null');
    expect(other.headers.vary).toBe('Origin, Accept');
  });

  it('is parsed from the environment, and a malformed entry is refused at startup', () => {
    expect(parseCorsOrigins(undefined)).toBe('*');
    expect(parseCorsOrigins(' * ')).toBe('*');
    expect(parseCorsOrigins('http://a.example, https://b.example:8443')).toEqual(['http://a.example', 'https://b.example:8443']);
    expect(parseEnv({ CORS_ORIGINS: 'https://app.example.com,http://localhost:3000' }).CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(() => parseEnv({ CORS_ORIGINS: 'app.example.com/path' })).toThrow(/CORS_ORIGINS/);
  });
});
