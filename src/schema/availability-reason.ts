import type { UnavailableReason } from '../catalogue/requirements.js';
import { builder } from './builder.js';

export const AvailabilityReasonEnum = builder.enumType('AvailabilityReason', {
  description: 'Why a config cannot serve a turn now.',
  values: {
    MISSING_IMAGE_INPUT: { value: 'missing-image-input', description: 'The turn has an image (`requirements.imageInput`) and the model cannot read images.' },
    CONTEXT_TOO_SHORT: { value: 'context-too-short', description: 'Its context window is under `requirements.minContextLength`, or unknown.' },
    NO_TOOL_CALLING: { value: 'no-tool-calling', description: 'The turn offers tools (`requirements.tools`) and the model cannot call them.' },
    NO_REASONING: { value: 'no-reasoning', description: 'The turn needs reasoning (`requirements.reasoning`) and the model does not reason.' },
    OVER_PRICE_CAP: { value: 'over-price-cap', description: 'Its prompt price is over `requirements.maxPromptPrice`, or unknown.' },
    NO_CREDENTIAL: { value: 'no-credential', description: 'No credential is configured for it (`OPENROUTER_API_KEY` for OpenRouter models, `api_key` for operator configs), so it cannot be called.' },
    RETIRED: { value: 'retired', description: 'Gone from OpenRouter’s list (`lifecycle: RETIRED`): served only so pinned threads resolve.' },
    GATED: { value: 'gated', description: 'Live health excludes it (`healthGated`; `health.gateReason` says why).' },
    BLOCKED: { value: 'blocked', description: 'Blocked after repeated NOT_FOUND or BAD_REQUEST reports (`blockedReason`) until an accepted refresh lists it again.' },
    COOLING_DOWN: { value: 'cooling-down', description: 'Cooling down after a RATE_LIMITED or UNAVAILABLE report, until `cooldownUntil`.' },
  } as const satisfies Record<string, { value: UnavailableReason; description: string }>,
});
