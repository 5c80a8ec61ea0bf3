import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch, ResponseCache } from '../src/http/response-cache.js';

const body = (n: number) => Buffer.alloc(n, 1);

describe('ResponseCache', () => {
  it('keeps a response from its second sighting, and forgets everything when the stamp changes', () => {
    const cache = new ResponseCache();
    cache.set('v1', 'a', 200, [], body(10));
    expect(cache.get('v1', 'a')).toBeUndefined();
    cache.set('v1', 'a', 200, [], body(10));
    expect(cache.get('v1', 'a')?.body.length).toBe(10);
    expect(cache.get('v2', 'a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('bounds entries and total bytes, evicting the oldest', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxTotalBytes: 25 });
    for (const key of ['a', 'b', 'c']) for (let i = 0; i < 2; i += 1) cache.set('s', key, 200, [], body(10));
    expect([cache.get('s', 'a'), cache.get('s', 'b') !== undefined, cache.get('s', 'c') !== undefined]).toEqual([undefined, true, true]);
    for (let i = 0; i < 2; i += 1) cache.set('s', 'd', 200, [], body(20));
    expect(cache.size).toBe(1);
    for (let i = 0; i < 2; i += 1) cache.set('s', 'huge', 200, [], body(3 * 1024 * 1024));
    expect(cache.get('s', 'huge')).toBeUndefined();
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(matchesIfNoneMatch('"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y", W/"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y"', '"x"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"x"')).toBe(false);
  });
});
