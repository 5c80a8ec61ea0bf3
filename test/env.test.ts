import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env.js';
import { startServer } from './support/server-process.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be refused');
}

describe('ADMIN_TOKEN', () => {
  it('accepts the RFC 7235 token68 set, trailing = included; an empty value means unset', () => {
    expect(parseEnv({ ADMIN_TOKEN: 'abcDEF0123-._~+/xyz==' }).ADMIN_TOKEN).toBe('abcDEF0123-._~+/xyz==');
    expect(parseEnv({ ADMIN_TOKEN: '' }).ADMIN_TOKEN).toBeUndefined();
    expect(parseEnv({}).ADMIN_TOKEN).toBeUndefined();
  });

  it.each([
    ['a space inside', 'correct horse battery staple', 'found whitespace'],
    ['a trailing newline (a file read with its line end)', 'abcdefghijklmnop0123\n', 'found whitespace'],
    ['only blanks', '                    ', 'found whitespace'],
    ['a non-ASCII letter', 'pässwörd-0123456789', 'found a non-ASCII or control character'],
    ['a control character', 'abcdefghijklmnop\u0007', 'found a non-ASCII or control character'],
    ['= in the middle', 'abcdefgh=ijklmnop0123', "found an '=' before the end"],
    ['other punctuation', 'abcdefgh:ijklmnop0123', 'found a punctuation character outside'],
  ])('refuses a token with %s, naming the problem without echoing the token', (_name, token, problem) => {
    const problems = problemsOf({ ADMIN_TOKEN: token });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ADMIN_TOKEN: must contain only the RFC 7235 token68 characters/);
    expect(problems[0]).toContain(problem);
    for (const part of token.trim().split(/[\s=:]+/).filter((p) => p.length >= 4)) expect(problems.join('\n')).not.toContain(part);
  });

  it('still refuses short tokens, and reports both problems at once', () => {
    expect(problemsOf({ ADMIN_TOKEN: 'short' })).toEqual(['ADMIN_TOKEN: must be at least 16 characters when set']);
    expect(problemsOf({ ADMIN_TOKEN: 'a b' })).toHaveLength(2);
  });

  it('the real server refuses to start on such a token, with the message and without the token', async () => {
    const token = 'admin token with spaces 0123456789';
    const failure = await startServer({ ADMIN_TOKEN: token, OPENROUTER_BASE_URL: 'http://127.0.0.1:1', DATA_DIR: '/nonexistent-never-created' }).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/server exited \(1\) before listening/);
    expect(failure?.message).toContain('ADMIN_TOKEN: must contain only the RFC 7235 token68 characters');
    expect(failure?.message).not.toContain('with spaces');
  });
});

describe('SERVICE_TOKEN and cooldowns', () => {
  const token = 'service-token-0123456789abcdef';

  it('is checked like ADMIN_TOKEN and must differ from it, without echoing either', () => {
    expect(parseEnv({ SERVICE_TOKEN: token, ADMIN_TOKEN: `${token}-admin` }).SERVICE_TOKEN).toBe(token);
    expect(problemsOf({ SERVICE_TOKEN: 'short' })).toEqual(['SERVICE_TOKEN: must be at least 16 characters when set']);
    const problems = problemsOf({ SERVICE_TOKEN: token, ADMIN_TOKEN: token });
    expect(problems).toEqual(['SERVICE_TOKEN: must differ from ADMIN_TOKEN (each opens its own operations)']);
    expect(problems.join('\n')).not.toContain(token);
  });

  it('refuses a longest cooldown shorter than the default one, naming both', () => {
    expect(parseEnv({}).COOLDOWN_SECONDS).toBe(600);
    expect(problemsOf({ COOLDOWN_SECONDS: '900', COOLDOWN_MAX_SECONDS: '300' })).toEqual(['COOLDOWN_MAX_SECONDS: must be at least COOLDOWN_SECONDS (900), got 300']);
  });
});

describe('MAX_QUERY_COST', () => {
  it('defaults to the built-in limit and refuses values that would make every query fail or none', () => {
    expect(parseEnv({}).MAX_QUERY_COST).toBe(20_000);
    expect(parseEnv({ MAX_QUERY_COST: '40000' }).MAX_QUERY_COST).toBe(40_000);
    expect(problemsOf({ MAX_QUERY_COST: '10' })[0]).toMatch(/^MAX_QUERY_COST: /);
    expect(problemsOf({ MAX_QUERY_COST: 'lots' })[0]).toMatch(/^MAX_QUERY_COST: /);
  });
});
