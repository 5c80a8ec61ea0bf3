import type { TurnRequirements } from '../catalogue/requirements.js';
import { badUserInput, builder } from './builder.js';

export const TurnRequirementsInput = builder.inputType('TurnRequirements', {
  description:
    'What one turn of a conversation needs from a model. Omitted (or false) means not needed: `imageInput: false` does not ask for a text-only model. Besides these, a config must be callable (a credential), listed (not RETIRED), healthy (not gated) and neither blocked nor cooling down after failures reported by the chat backend.',
  fields: (t) => ({
    imageInput: t.boolean({ required: false, description: 'The turn carries an image: only models that read images (`capabilities.imageInput`).' }),
    minContextLength: t.int({ required: false, description: 'The turn needs a context window of at least this many tokens (0 or more; an unknown window does not meet it).' }),
    tools: t.boolean({ required: false, description: 'The turn offers tools: only models with tool calling (`capabilities.tools`).' }),
    reasoning: t.boolean({ required: false, description: 'The turn needs reasoning: only models that reason (`capabilities.reasoning`).' }),
    maxPromptPrice: t.float({ required: false, description: 'Only models whose prompt price is at most this, in USD per million tokens (0 or more; an unknown price does not meet it).' }),
  }),
});

/** The requirements as the domain reads them, or a BAD_USER_INPUT error naming the one that cannot be met. */
export function checkedRequirements(requirements: TurnRequirements | null | undefined, argument: string): TurnRequirements {
  if (!requirements) return {};
  if (requirements.minContextLength != null && requirements.minContextLength < 0) throw badUserInput(`${argument}.minContextLength must be 0 or more, got ${requirements.minContextLength}`);
  if (requirements.maxPromptPrice != null && !(requirements.maxPromptPrice >= 0)) throw badUserInput(`${argument}.maxPromptPrice must be 0 or more, got ${requirements.maxPromptPrice}`);
  return requirements;
}
