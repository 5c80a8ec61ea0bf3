import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/catalogue/version.js';
import { fixtureVersion, healthy } from './support/fake-catalogue.js';

describe('the catalogue etag', () => {
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
