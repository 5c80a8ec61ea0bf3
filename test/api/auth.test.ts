import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { bearerTokenMatches } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { execute, post } from '../support/api.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';
import { RefreshMutation } from './operations.js';

const TOKEN = 'admin-token-0123456789abcdef';

function setup(adminToken: string | null = TOKEN) {
  const logs: string[] = [];
  const catalogue = new FakeCatalogue();
  const app = createApp({ catalogue, adminToken, logger: createLogger({ level: 'debug', write: (l) => logs.push(l), secrets: [adminToken] }), graphiql: false });
  return { app, catalogue, logs };
}

const UNAUTHENTICATED = {
  data: null,
  errors: [{ message: 'Not authenticated: send "Authorization: Bearer <admin token>"', extensions: { code: 'UNAUTHENTICATED' }, locations: [{ line: 2, column: 3 }], path: ['refreshCatalogue'] }],
};

describe('refreshCatalogue authentication', () => {
  it.each([
    ['missing', {}],
    ['wrong', { authorization: `Bearer ${TOKEN}x` }],
    ['empty', { authorization: '' }],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['over-long', { authorization: `Bearer ${'a'.repeat(10_000)}` }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['wrong scheme', { authorization: `Basic ${TOKEN}` }],
    ['token without scheme', { authorization: TOKEN }],
    ['two tokens', { authorization: `Bearer ${TOKEN} ${TOKEN}` }],
  ])('%s token → UNAUTHENTICATED, no refresh, token never logged', async (_name, headers) => {
    const { app, catalogue, logs } = setup();
    const { body } = await execute(app, RefreshMutation, {}, headers);
    expect(body).toEqual(UNAUTHENTICATED);
    expect(catalogue.refreshCalls).toBe(0);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('ignores a token sent in the URL', async () => {
    const { app, catalogue } = setup();
    const response = await app.yoga.fetch(`http://test/graphql?token=${TOKEN}&access_token=${TOKEN}&authorization=Bearer%20${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { refreshCatalogue { __typename } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(catalogue.refreshCalls).toBe(0);
  });

  it('accepts the token with the Bearer scheme in any case (RFC 7235: schemes are case-insensitive)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const { app, catalogue } = setup();
      const { body } = await execute(app, RefreshMutation, {}, { authorization: `${scheme} ${TOKEN}` });
      expect(body.data!.refreshCatalogue.__typename).toBe('RefreshCatalogueSuccess');
      expect(catalogue.refreshCalls).toBe(1);
    }
  });

  it('is FORBIDDEN for everyone when no admin token is configured, never open', async () => {
    const { app, catalogue } = setup(null);
    for (const headers of [{}, { authorization: 'Bearer ' }, { authorization: 'Bearer null' }] as Record<string, string>[]) {
      const { body } = await execute(app, RefreshMutation, {}, headers);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(catalogue.refreshCalls).toBe(0);
  });

  it('compares digests, so length and content of a wrong token make no difference to the comparison', () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, null)).toBe(false);
    expect(bearerTokenMatches(null, TOKEN)).toBe(false);
    expect(bearerTokenMatches('Bearer', TOKEN)).toBe(false);
  });
});

describe('refreshCatalogue results are data', () => {
  it('RefreshCatalogueSuccess carries the new status and the change', async () => {
    const { app, catalogue } = setup();
    const { body } = await execute(app, RefreshMutation, { force: true }, { authorization: `Bearer ${TOKEN}` });
    expect(body.errors).toBeUndefined();
    expect(body.data!.refreshCatalogue).toMatchObject({ __typename: 'RefreshCatalogueSuccess', catalogue: { version: 2, origin: 'LIVE' }, change: { toVersion: 2, added: [] } });
    expect(catalogue.lastRefresh()).toMatchObject({ trigger: 'admin', forced: true });
  });

  it('UpstreamUnavailableError', async () => {
    const { app, catalogue } = setup();
    catalogue.nextOutcome = async () => ({ kind: 'upstream-unavailable', failureKind: 'http-status', message: 'GET /api/v1/models: HTTP 503', status: 503, retryAfterSeconds: 30 });
    const { body } = await execute(app, RefreshMutation, {}, { authorization: `Bearer ${TOKEN}` });
    expect(body).toEqual({ data: { refreshCatalogue: { __typename: 'UpstreamUnavailableError', message: 'GET /api/v1/models: HTTP 503', failureKind: 'http-status', status: 503, retryAfterSeconds: 30 } } });
  });

  it('RefreshRejectedError', async () => {
    const { app, catalogue } = setup();
    catalogue.nextOutcome = async () => ({ kind: 'rejected-by-guard', guard: 'SHRUNK', message: 'too small', currentCount: 228, fetchedCount: 3 });
    const { body } = await execute(app, RefreshMutation, {}, { authorization: `Bearer ${TOKEN}` });
    expect(body).toEqual({ data: { refreshCatalogue: { __typename: 'RefreshRejectedError', message: 'too small', guard: 'SHRUNK', currentCount: 228, fetchedCount: 3 } } });
  });

  it('an unexpected exception is masked and logged, not turned into data', async () => {
    const { app, catalogue, logs } = setup();
    catalogue.nextOutcome = async () => {
      throw new Error('database exploded at /secret/path');
    };
    const { body } = await post(app, { query: 'mutation { refreshCatalogue { __typename } }' }, { authorization: `Bearer ${TOKEN}` });
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(body)).not.toContain('exploded');
    expect(logs.some((line) => line.includes('database exploded'))).toBe(true);
  });
});
