import type { ChangedConfigRef } from '../catalogue/diff.js';
import { builder } from './builder.js';

export const ChangedConfigType = builder.objectRef<ChangedConfigRef>('ChangedConfig').implement({
  description: 'A config named in a change record.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
  }),
});
