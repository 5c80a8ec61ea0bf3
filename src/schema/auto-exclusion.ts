import type { AutoExclusionReason } from '../catalogue/auto-pick.js';
import { AutoExclusionReasonEnum } from './auto-exclusion-reason.js';
import { builder } from './builder.js';

/** A group of configs Auto left out, as served. */
export interface ExclusionGroup {
  readonly reason: AutoExclusionReason;
  readonly count: number;
  readonly message: string;
}

export const AutoExclusionRef = builder.objectRef<ExclusionGroup>('AutoExclusion').implement({
  description: 'Configs Auto left out for one reason. A config left out for several reasons is counted under each.',
  fields: (t) => ({
    reason: t.field({ type: AutoExclusionReasonEnum, description: 'Why they were left out.', resolve: (g) => g.reason }),
    count: t.exposeInt('count', { description: 'How many configs this reason left out.' }),
    message: t.exposeString('message', { description: 'The group in words, starting with its count, and what would bring them back (e.g. `228 without a credential: set OPENROUTER_API_KEY …`).' }),
  }),
});
