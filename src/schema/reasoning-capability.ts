import type { ReasoningSupport } from '../catalogue/capabilities.js';
import { builder } from './builder.js';
import { ReasoningEffortEnum } from './reasoning-effort.js';

export const ReasoningCapabilityRef = builder.objectRef<ReasoningSupport>('ReasoningCapability').implement({
  description: 'How a model reasons.',
  fields: (t) => ({
    mandatory: t.exposeBoolean('mandatory', { description: 'True when the model always reasons (it cannot be turned off).' }),
    efforts: t.field({ type: [ReasoningEffortEnum], description: 'The efforts it accepts, weakest first; empty when OpenRouter does not list them.', resolve: (r) => r.efforts }),
    defaultEffort: t.field({ type: ReasoningEffortEnum, nullable: true, description: 'The effort used when a request names none; null when unknown.', resolve: (r) => r.defaultEffort }),
    enabledByDefault: t.exposeBoolean('enabledByDefault', { nullable: true, description: 'Whether it reasons when a request does not say; null when unknown.' }),
  }),
});
