import type { Expiration } from '../catalogue/diff.js';
import { builder } from './builder.js';

export const ExpiringConfigRef = builder.objectRef<Expiration>('ExpiringConfig').implement({
  description: 'A config that became EXPIRING: OpenRouter announced the day it stops serving the model.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When OpenRouter stops serving it.', resolve: (e) => e.expiresAt }),
  }),
});
