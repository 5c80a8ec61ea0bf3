import type { CatalogueVersion } from '../catalogue/version.js';
import { builder } from './builder.js';

export const CatalogueCountsRef = builder.objectRef<CatalogueVersion>('CatalogueCounts').implement({
  description: 'How many configs the served version has.',
  fields: (t) => ({
    total: t.int({ description: 'All configs (without the virtual Auto entry).', resolve: (v) => v.counts.total }),
    free: t.int({ description: 'Free configs.', resolve: (v) => v.counts.free }),
    premium: t.int({ description: 'Premium configs.', resolve: (v) => v.counts.premium }),
    operatorYaml: t.int({ description: 'Configs from the operator YAML.', resolve: (v) => v.counts.operatorYaml }),
    openRouter: t.int({ description: 'Configs generated from OpenRouter (retired ones included).', resolve: (v) => v.counts.openRouter }),
    gated: t.int({ description: 'Configs that live health has gated.', resolve: (v) => v.counts.gated }),
    retired: t.int({ description: 'Configs served as RETIRED (gone from OpenRouter’s list, in their grace); counted in `total` and `openRouter` too.', resolve: (v) => v.counts.retired }),
  }),
});
