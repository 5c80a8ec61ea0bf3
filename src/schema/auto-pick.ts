import { autoPick, type AutoPickResult } from '../catalogue/auto-pick.js';
import { badUserInput, builder } from './builder.js';
import { LlmConfigRef } from './llm-config.js';

const AutoPickRef = builder.objectRef<AutoPickResult>('AutoPick').implement({
  description: 'The config Auto (Fastest) pins a thread to, and why.',
  fields: (t) => ({
    chosen: t.field({ type: LlmConfigRef, description: 'The chosen config.', resolve: (r) => r.chosen }),
    pool: t.field({ type: [LlmConfigRef], complexity: { field: 1, multiplier: 5 }, description: 'The best candidates (at most 5, best first) the choice was made from.', resolve: (r) => r.pool }),
    index: t.exposeInt('index', { description: "Position of `chosen` in `pool`: SHA-256 of `auto_fastest:<threadId>`, first 8 bytes, modulo the pool size." }),
    candidateCount: t.exposeInt('candidateCount', { description: 'Usable candidates before the tier lock and the top-5 cut.' }),
    tierLocked: t.exposeBoolean('tierLocked', { description: 'True when operator-curated (tier A) candidates exist, so only they were considered.' }),
    reason: t.string({
      description: 'The rule in one sentence.',
      resolve: (r) =>
        `${r.tierLocked ? 'Operator-curated (tier A) candidates exist, so only they compete' : 'No operator-curated candidate, so every usable model competes'}; the top ${r.pool.length} by quality score form the pool and the thread's hash picks #${r.index + 1}.`,
    }),
  }),
});

builder.queryFields((t) => ({
  autoPick: t.field({
    type: AutoPickRef,
    nullable: true,
    description: 'Previews the Auto (Fastest) choice for a thread, deterministically; null when no config is usable.',
    args: {
      threadId: t.arg.id({ required: true, description: 'The conversation thread id.' }),
      premiumEligible: t.arg.boolean({ required: true, description: 'Whether the user may use premium models.' }),
      excludeIds: t.arg.intList({ required: false, description: 'Config ids to leave out (e.g. ones that just failed).' }),
    },
    resolve: (_root, { threadId, premiumEligible, excludeIds }, { version }) => {
      if (String(threadId).length > 256) throw badUserInput('threadId is longer than 256 characters');
      return autoPick(version?.configs ?? [], { threadId: String(threadId), premiumEligible, excludeIds: excludeIds ?? [] });
    },
  }),
}));
