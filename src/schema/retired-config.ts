import type { Retirement } from '../catalogue/diff.js';
import { builder } from './builder.js';
import { ChangedConfigType } from './changed-config.js';

export const RetiredConfigRef = builder.objectRef<Retirement>('RetiredConfig').implement({
  description: 'A config that left OpenRouter’s list and is served as RETIRED from this version on, until its grace is over.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id (kept while retired).' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    retiredAt: t.field({ type: 'DateTime', description: 'When it left the list.', resolve: (r) => r.retiredAt }),
    successor: t.field({ type: ChangedConfigType, nullable: true, description: 'The config that replaces it, when one could be named.', resolve: (r) => r.successor }),
  }),
});
