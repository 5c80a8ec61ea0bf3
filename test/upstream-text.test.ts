import { describe, expect, it } from 'vitest';
import { bodyExcerpt, BODY_EXCERPT_CHARS, parseJsonBody, UpstreamError } from '../src/openrouter/http.js';
import { parseModelsPayload } from '../src/openrouter/models-payload.js';

/** Upstream body text that reaches a message is redacted and truncated (issue 12.4). */
describe('quoting an upstream body', () => {
  it.each([
    ['an echoed Authorization header', 'Authorization: Bearer sk-or-v1-0123456789abcdef0123\r\nhost: openrouter.ai', 'sk-or-v1'],
    ['a bare key', 'sk-or-v1-0123456789abcdef0123 is invalid', 'sk-or-v1'],
    ['a query-string key', 'GET /x?api_key=0123abcd&y=1', '0123abcd'],
    ['a password field', 'password: hunter2hunter2', 'hunter2'],
    ['a long opaque token', 'error for ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 'ABCDEFGHIJKLMNOP'],
  ])('redacts %s', (_name, body, secret) => {
    const excerpt = bodyExcerpt(Buffer.from(body));
    expect(excerpt).not.toContain(secret);
    expect(excerpt).toContain('[redacted]');
  });

  it('redacts the configured key wherever it is, whatever it looks like', () => {
    expect(bodyExcerpt(Buffer.from('you sent: plainkey'), ['plainkey'])).toBe('you sent: [redacted]');
  });

  it(`keeps at most ${BODY_EXCERPT_CHARS} characters, with control characters blanked`, () => {
    const excerpt = bodyExcerpt(Buffer.from(`<html>\u0000\u001b[31m${'x '.repeat(10_000)}`));
    expect([...excerpt].length).toBeLessThanOrEqual(BODY_EXCERPT_CHARS + 1);
    expect(excerpt).toMatch(/^<html> \[31mx x/);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('a not-JSON message names the size and the problem but never the parser text around the error', () => {
    const body = Buffer.from(`{"data": [1, 2, ${'a'.repeat(5)} Bearer sk-or-v1-0123456789abcdef0123]}`);
    let error: unknown;
    try {
      parseJsonBody(body, 'GET /api/v1/models');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UpstreamError);
    const message = (error as UpstreamError).message;
    expect(message).toMatch(/^GET \/api\/v1\/models: body is not JSON \(syntax error[^;]*; \d+ bytes, starts with "/);
    expect(message).not.toContain('sk-or');
    expect(message).not.toContain('is not valid JSON');
  });

  it('a dropped model quotes at most 120 characters of its id', () => {
    const parsed = parseModelsPayload({ data: [{ id: `acme/${'x'.repeat(1_000_000)}`, created: 'yesterday' }] });
    expect(parsed.dropped[0]!.id!.length).toBeLessThanOrEqual(121);
  });
});
