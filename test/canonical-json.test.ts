import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/catalogue/canonical-json.js';
import { contentHash } from '../src/catalogue/version.js';
import { fixtureVersion, healthy } from './support/fake-catalogue.js';

describe('canonical JSON and the catalogue etag', () => {
  it('prints keys in code-point order at every depth, as JSON.stringify would print the same data', () => {
    const value = { b: [{ z: 1, a: null }, 'x', undefined], a: { d: undefined, c: 'é', B: true }, 'ä': -0 };
    expect(canonicalJson(value)).toBe('{"a":{"B":true,"c":"é"},"b":[{"a":null,"z":1},"x",null],"ä":0}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('gives equal configs equal etags whatever order their keys were built in', () => {
    const configs = fixtureVersion().configs.map((config) => ({ ...config, health: healthy(97) }));
    const reordered = configs.map((config) => {
      const health = Object.fromEntries(Object.entries(config.health).reverse());
      return Object.fromEntries(Object.entries({ ...config, health }).reverse()) as typeof config;
    });
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(configs));
    expect(contentHash(reordered)).toBe(contentHash(configs));
    expect(contentHash(configs.map((config, i) => (i === 5 ? { ...config, health: healthy(96) } : config)))).not.toBe(contentHash(configs));
  });
});
