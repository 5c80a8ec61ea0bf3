import { MAX_SEARCH_LENGTH } from '../catalogue/query.js';
import { builder } from './builder.js';
import { ConfigSourceEnum } from './config-source.js';
import { TierEnum } from './tier.js';

export const LlmConfigFilter = builder.inputType('LlmConfigFilter', {
  description: 'Conditions a config must all meet to be listed. Omitted conditions match everything.',
  fields: (t) => ({
    tier: t.field({ type: TierEnum, required: false, description: 'Only this tier.' }),
    routerPoolEligible: t.boolean({ required: false, description: 'Only configs that are (or are not) in the router pool.' }),
    source: t.field({ type: ConfigSourceEnum, required: false, description: 'Only this source.' }),
    provider: t.string({ required: false, description: 'Only this provider (case-insensitive).' }),
    includeGated: t.boolean({ required: false, defaultValue: true, description: 'Include configs that live health has gated.' }),
    search: t.string({ required: false, description: `Case-insensitive text in the name or model name (at most ${MAX_SEARCH_LENGTH} characters).` }),
  }),
});
