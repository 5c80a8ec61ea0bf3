import { describe, expect, it } from 'vitest';
import { queryConfigs, type ConfigFilter, type ConfigOrder } from '../src/catalogue/query.js';
import type { CatalogueConfig } from '../src/catalogue/types.js';
import { fixtureVersion } from './support/fake-catalogue.js';

/** The rules of a listing, written plainly: what the indexed implementation must give. */
function reference(configs: readonly CatalogueConfig[], filter: ConfigFilter, order: ConfigOrder): CatalogueConfig[] {
  const search = filter.search ? filter.search.toLowerCase() : null;
  const listed = configs.filter(
    (c) =>
      (filter.tier == null || c.billingTier === filter.tier) &&
      (filter.routerPoolEligible == null || c.routerPoolEligible === filter.routerPoolEligible) &&
      (filter.source == null || c.source === filter.source) &&
      (!filter.provider || c.provider.toLowerCase() === filter.provider.toLowerCase()) &&
      (filter.includeGated !== false || !c.healthGated) &&
      (search === null || c.name.toLowerCase().includes(search) || c.modelName.toLowerCase().includes(search)),
  );
  if (order === 'quality-desc') return listed.sort((a, b) => b.qualityScore - a.qualityScore);
  if (order === 'id') return listed.sort((a, b) => a.id - b.id);
  if (order === 'name') return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return listed;
}

const FILTERS: ConfigFilter[] = [
  {},
  { tier: 'free' },
  { tier: 'premium', routerPoolEligible: true },
  { routerPoolEligible: false },
  { source: 'yaml' },
  { source: 'openrouter', includeGated: false },
  { provider: 'openrouter' },
  { provider: 'AZURE' },
  { search: 'GPT' },
  { search: 'llama', tier: 'free' },
  { search: 'no such model' },
  { search: '' },
];
const ORDERS: ConfigOrder[] = ['catalogue', 'quality-desc', 'id', 'name'];

describe('listing configs (filters and orders, indexed once per version)', () => {
  const version = fixtureVersion();

  it.each(ORDERS)('order %s: every filter lists what the rules say, on a version list and on a list that is not frozen', (order) => {
    for (const filter of FILTERS) {
      expect(queryConfigs(version.configs, filter, order), JSON.stringify(filter)).toEqual(reference(version.configs, filter, order));
      const loose = [...version.configs];
      expect(queryConfigs(loose, filter, order)).toEqual(reference(loose, filter, order));
    }
  });

  it('a list that is not frozen is not indexed: a change to it shows at once', () => {
    const loose = [...version.configs];
    expect(queryConfigs(loose, { search: 'renamed-now' })).toEqual([]);
    loose[0] = { ...loose[0]!, name: 'Renamed-Now' };
    expect(queryConfigs(loose, { search: 'renamed-now' }).map((c) => c.id)).toEqual([loose[0]!.id]);
  });

  it('never changes its input, and answers a new array each time', () => {
    const first = queryConfigs(version.configs, {}, 'name');
    first.pop();
    expect(queryConfigs(version.configs, {}, 'name')).toHaveLength(version.configs.length);
    expect(version.configs).toEqual(fixtureVersion().configs);
  });
});
