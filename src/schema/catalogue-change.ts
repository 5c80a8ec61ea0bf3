import type { CatalogueDiff } from '../catalogue/diff.js';
import { badUserInput, builder } from './builder.js';
import { ChangedConfigType } from './changed-config.js';
import { ExpiringConfigRef } from './expiring-config.js';
import { PriceChangeRef } from './price-change.js';
import { RetiredConfigRef } from './retired-config.js';
import { TierFlipRef } from './tier-flip.js';

const MAX_CHANGES = 50;
/** Retirements, reinstatements and expirations a record lists, as the query cost counts them: most records have none, a few have a handful. */
const LISTED_LIFECYCLE_CHANGES_FOR_COST = 3;

export const CatalogueChangeRef = builder.objectRef<CatalogueDiff>('CatalogueChange').implement({
  description: 'What one accepted refresh (or health pass) changed against the version it replaced.',
  fields: (t) => ({
    fromVersion: t.exposeInt('fromVersion', { nullable: true, description: 'The replaced version.' }),
    toVersion: t.exposeInt('toVersion', { description: 'The new version.' }),
    at: t.field({ type: 'DateTime', description: 'When the new version was put in place.', resolve: (d) => d.at }),
    added: t.field({ type: [ChangedConfigType], description: 'Configs that appeared.', resolve: (d) => d.added }),
    removed: t.field({ type: [ChangedConfigType], description: 'Configs no longer served (a retired one once its grace is over).', resolve: (d) => d.removed }),
    repriced: t.field({ type: [PriceChangeRef], description: 'Configs whose prices changed.', resolve: (d) => d.repriced }),
    tierFlips: t.field({ type: [TierFlipRef], description: 'Configs that moved between free and premium.', resolve: (d) => d.tierFlips }),
    newlyGated: t.field({ type: [ChangedConfigType], description: 'Configs that live health has just gated.', resolve: (d) => d.newlyGated }),
    newlyUngated: t.field({ type: [ChangedConfigType], description: 'Configs that are no longer gated.', resolve: (d) => d.newlyUngated }),
    retired: t.field({ type: [RetiredConfigRef], complexity: { field: 1, multiplier: LISTED_LIFECYCLE_CHANGES_FOR_COST }, description: 'Configs that left OpenRouter’s list and are served as RETIRED, each with its successor when one could be named.', resolve: (d) => d.retired }),
    reinstated: t.field({ type: [ChangedConfigType], complexity: { field: 1, multiplier: LISTED_LIFECYCLE_CHANGES_FOR_COST }, description: 'Retired configs that OpenRouter lists again (same id).', resolve: (d) => d.reinstated }),
    expiring: t.field({ type: [ExpiringConfigRef], complexity: { field: 1, multiplier: LISTED_LIFECYCLE_CHANGES_FOR_COST }, description: 'Configs that became EXPIRING: OpenRouter stops serving them soon.', resolve: (d) => d.expiring }),
  }),
});

builder.queryFields((t) => ({
  catalogueChanges: t.field({
    type: [CatalogueChangeRef],
    description: 'The most recent change records, newest first.',
    // Counted at the largest `last` allowed; the lists inside a record count as 10 each (the default).
    complexity: { field: 1, multiplier: MAX_CHANGES },
    args: { last: t.arg.int({ required: false, defaultValue: 10, description: `How many records (1–${MAX_CHANGES}).` }) },
    resolve: (_root, { last }, { catalogue }) => {
      const count = last ?? 10;
      if (count < 1 || count > MAX_CHANGES) throw badUserInput(`last must be between 1 and ${MAX_CHANGES}, got ${count}`);
      return catalogue.changes(count);
    },
  }),
}));
