import { MAX_SEARCH_LENGTH } from '../catalogue/query.js';
import { builder } from './builder.js';
import { CapabilityEnum } from './capability.js';
import { ConfigSourceEnum } from './config-source.js';
import { LifecycleEnum } from './lifecycle.js';
import { ModalityEnum } from './modality.js';
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
    author: t.string({ required: false, description: `Only models of this author (\`author.slug\`, case-insensitive, at most ${MAX_SEARCH_LENGTH} characters); operator configs have none.` }),
    inputModality: t.field({ type: [ModalityEnum], required: false, description: 'Only models that take in every one of these (e.g. `[IMAGE]`).' }),
    minContextLength: t.int({ required: false, description: 'Only models with a context window of at least this many tokens (0 or more; an unknown window does not match).' }),
    maxPromptPrice: t.float({ required: false, description: 'Only models whose prompt price is at most this, in USD per million tokens (0 or more; an unknown price does not match).' }),
    capability: t.field({ type: [CapabilityEnum], required: false, description: 'Only models with every one of these capabilities.' }),
    lifecycle: t.field({ type: [LifecycleEnum], required: false, description: 'Only models in one of these stages (e.g. `[ACTIVE, NEW, EXPIRING]` to leave retired ones out).' }),
  }),
});
