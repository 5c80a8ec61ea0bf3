import { explainPick, exclusionMessage } from '../catalogue/auto-explanation.js';
import { autoPick, type AutoPickRequest, type AutoPickResult } from '../catalogue/auto-pick.js';
import type { StandingView } from '../catalogue/requirements.js';
import { AutoExclusionRef } from './auto-exclusion.js';
import { badUserInput, builder } from './builder.js';
import { LlmConfigRef } from './llm-config.js';
import { checkedRequirements, TurnRequirementsInput } from './turn-requirements.js';

/** Longest accepted thread id and exclusion list: longer input is a client error, not work. */
const MAX_THREAD_ID_LENGTH = 256;
const MAX_EXCLUDED_IDS = 1000;

/** A choice with what it was asked, so it can explain itself. */
interface AutoPickAnswer {
  readonly result: AutoPickResult;
  readonly request: AutoPickRequest;
  readonly standings: StandingView;
}

const AutoPickRef = builder.objectRef<AutoPickAnswer>('AutoPick').implement({
  description: 'The config Auto (Fastest) pins a thread to for a turn, or why none can serve it.',
  fields: (t) => ({
    chosen: t.field({
      type: LlmConfigRef,
      nullable: true,
      description: 'The chosen config; null when no config can serve the turn (`reason` and `excluded` say why, and what to do).',
      resolve: ({ result }) => result.chosen,
    }),
    pool: t.field({ type: [LlmConfigRef], complexity: { field: 1, multiplier: 5 }, description: 'The best candidates (at most 5, best first) the choice was made from; empty when none.', resolve: ({ result }) => result.pool }),
    index: t.int({ nullable: true, description: 'Position of `chosen` in `pool`: SHA-256 of `auto_fastest:<threadId>`, first 8 bytes, modulo the pool size; null when nothing was chosen.', resolve: ({ result }) => result.index }),
    candidateCount: t.int({ description: 'Configs that can serve the turn, before the tier lock and the top-5 cut.', resolve: ({ result }) => result.candidateCount }),
    consideredCount: t.int({ description: 'Configs of the catalogue looked at.', resolve: ({ result }) => result.consideredCount }),
    tierLocked: t.boolean({ description: 'True when operator-curated (tier A) candidates exist, so only they were considered.', resolve: ({ result }) => result.tierLocked }),
    excluded: t.field({
      type: [AutoExclusionRef],
      complexity: { field: 1, multiplier: 12 },
      description: 'The configs left out, one group per reason (in the order of `AutoExclusionReason`), only reasons that left some out.',
      resolve: ({ result, request, standings }) => result.excluded.map((group) => ({ reason: group.reason, count: group.configs.length, message: exclusionMessage(group, request, standings) })),
    }),
    reason: t.string({
      description: 'The rule in one sentence and what was left out; when nothing was chosen, each group left out and what would bring it back.',
      resolve: ({ result, request, standings }) => explainPick(result, request, standings),
    }),
  }),
});

builder.queryFields((t) => ({
  autoPick: t.field({
    type: AutoPickRef,
    complexity: 5,
    description:
      'Previews the Auto (Fastest) choice for a thread and a turn, deterministically: among the configs that meet the requirements and are neither gated, retired, blocked nor cooling down, the original rule (tier lock, top 5 by quality score, thread hash). Never null: when no config can serve the turn, `chosen` is null and `reason` says why.',
    args: {
      threadId: t.arg.id({ required: true, description: `The conversation thread id (at most ${MAX_THREAD_ID_LENGTH} characters).` }),
      premiumEligible: t.arg.boolean({ required: true, description: 'Whether the user may use premium models.' }),
      excludeIds: t.arg.intList({ required: false, description: `Config ids to leave out (e.g. ones that just failed; at most ${MAX_EXCLUDED_IDS}).` }),
      requirements: t.arg({ type: TurnRequirementsInput, required: false, description: 'What the turn needs; without it, any usable config.' }),
    },
    resolve: (_root, { threadId, premiumEligible, excludeIds, requirements }, { version, standings }) => {
      if (String(threadId).length > MAX_THREAD_ID_LENGTH) throw badUserInput(`threadId is longer than ${MAX_THREAD_ID_LENGTH} characters`);
      if ((excludeIds?.length ?? 0) > MAX_EXCLUDED_IDS) throw badUserInput(`excludeIds has ${excludeIds!.length} ids; at most ${MAX_EXCLUDED_IDS} are accepted`);
      const request: AutoPickRequest = { threadId: String(threadId), premiumEligible, excludeIds: excludeIds ?? [], requirements: checkedRequirements(requirements, 'requirements') };
      return { result: autoPick(version?.configs ?? [], request, standings), request, standings };
    },
  }),
}));
