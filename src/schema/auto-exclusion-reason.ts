import type { AutoExclusionReason } from '../catalogue/auto-pick.js';
import { builder } from './builder.js';

export const AutoExclusionReasonEnum = builder.enumType('AutoExclusionReason', {
  description: 'Why Auto left configs out: a reason they cannot serve the turn (as `AvailabilityReason`), or the caller ruled them out.',
  values: {
    MISSING_IMAGE_INPUT: { value: 'missing-image-input', description: 'They cannot read images and the turn has one.' },
    CONTEXT_TOO_SHORT: { value: 'context-too-short', description: 'Their context window is under `requirements.minContextLength`, or unknown.' },
    NO_TOOL_CALLING: { value: 'no-tool-calling', description: 'They cannot call tools and the turn offers some.' },
    NO_REASONING: { value: 'no-reasoning', description: 'They do not reason and the turn needs it.' },
    OVER_PRICE_CAP: { value: 'over-price-cap', description: 'Their prompt price is over `requirements.maxPromptPrice`, or unknown.' },
    NO_CREDENTIAL: { value: 'no-credential', description: 'No credential is configured for them.' },
    RETIRED: { value: 'retired', description: 'Gone from OpenRouter’s list.' },
    GATED: { value: 'gated', description: 'Gated by live health.' },
    BLOCKED: { value: 'blocked', description: 'Blocked after repeated NOT_FOUND or BAD_REQUEST reports.' },
    COOLING_DOWN: { value: 'cooling-down', description: 'Cooling down after RATE_LIMITED or UNAVAILABLE reports.' },
    PREMIUM_NOT_ELIGIBLE: { value: 'premium-not-eligible', description: 'Premium, and `premiumEligible` is false.' },
    EXCLUDED_BY_CALLER: { value: 'excluded-by-caller', description: 'Named in `excludeIds`.' },
  } as const satisfies Record<string, { value: AutoExclusionReason; description: string }>,
});
