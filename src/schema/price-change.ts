import type { Repricing } from '../catalogue/diff.js';
import { builder } from './builder.js';

export const PriceChangeRef = builder.objectRef<Repricing>('PriceChange').implement({
  description: 'A config whose prices changed (USD per million tokens).',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id.' }),
    modelName: t.exposeString('modelName', { description: 'Model name.' }),
    promptBefore: t.float({ nullable: true, description: 'Prompt price before.', resolve: (r) => r.before.prompt }),
    promptAfter: t.float({ nullable: true, description: 'Prompt price after.', resolve: (r) => r.after.prompt }),
    completionBefore: t.float({ nullable: true, description: 'Completion price before.', resolve: (r) => r.before.completion }),
    completionAfter: t.float({ nullable: true, description: 'Completion price after.', resolve: (r) => r.after.completion }),
  }),
});
