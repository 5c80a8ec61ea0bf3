import type { TierFlip } from '../catalogue/diff.js';
import { builder } from './builder.js';
import { TierEnum } from './tier.js';

export const TierFlipRef = builder.objectRef<TierFlip>('TierFlip').implement({
  description: 'A config whose billing tier changed.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    from: t.expose('from', { type: TierEnum, description: 'Tier before.' }),
    to: t.expose('to', { type: TierEnum, description: 'Tier after.' }),
  }),
});
