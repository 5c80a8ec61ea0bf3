import type { AutoExclusionReason, GateReason } from '../api/gql/graphql';

/** The groups Auto leaves out that say something of the config itself: the schema's availability reasons. */
type AvailabilityReason = Exclude<AutoExclusionReason, 'PREMIUM_NOT_ELIGIBLE' | 'EXCLUDED_BY_CALLER'>;

export interface ReasonText {
  /** A few words, for badges and tables. */
  readonly label: string;
  /** One sentence, for tooltips and the details panel. */
  readonly explanation: string;
}

/**
 * Why a config is not available, one entry per reason the API can give. Typed against the schema's
 * enum, so a reason added to the schema does not compile until it is described here.
 */
export const GATE_REASONS: Record<GateReason, ReasonText> = {
  NO_ENDPOINTS: { label: 'no endpoints', explanation: 'OpenRouter lists no endpoint for this model.' },
  NO_OK_ENDPOINT: { label: 'no endpoint up', explanation: 'None of its endpoints reports status OK.' },
  NO_UPTIME_DATA: { label: 'no uptime data', explanation: 'None of its endpoints reports any uptime.' },
  UPTIME_BELOW_THRESHOLD: { label: 'uptime below 90%', explanation: 'Its best endpoint uptime is below 90%.' },
};

const UNKNOWN_REASON: ReasonText = { label: 'gated', explanation: 'Live health excludes it from Auto selection.' };

export function gateReasonText(reason: GateReason | null | undefined): ReasonText {
  return reason ? GATE_REASONS[reason] : UNKNOWN_REASON;
}

/**
 * Why a config cannot serve a turn now, one entry per reason the API can give, typed against the
 * schema's enum like GATE_REASONS (through Auto's exclusion groups, which the console's documents read).
 */
export const AVAILABILITY_REASONS: Record<AvailabilityReason, ReasonText> = {
  MISSING_IMAGE_INPUT: { label: 'no image input', explanation: 'The turn has an image and this model cannot read images.' },
  CONTEXT_TOO_SHORT: { label: 'context too short', explanation: 'Its context window is shorter than the turn needs, or unknown.' },
  NO_TOOL_CALLING: { label: 'no tool calling', explanation: 'The turn offers tools and this model cannot call them.' },
  NO_REASONING: { label: 'no reasoning', explanation: 'The turn needs reasoning and this model does not reason.' },
  OVER_PRICE_CAP: { label: 'over the price cap', explanation: 'Its prompt price is over the cap, or unknown.' },
  NO_CREDENTIAL: { label: 'no credential', explanation: 'No credential is configured for it, so it cannot be called.' },
  RETIRED: { label: 'retired', explanation: 'Gone from OpenRouter’s list: served only so pinned threads keep working.' },
  GATED: { label: 'gated', explanation: 'Live health excludes it.' },
  BLOCKED: { label: 'blocked', explanation: 'Blocked after repeated NOT_FOUND or BAD_REQUEST reports, until an accepted refresh lists it again.' },
  COOLING_DOWN: { label: 'cooling down', explanation: 'Cooling down after a rate limit or an outage the chat backend reported.' },
};

/** The label of each group Auto leaves out: the availability reasons, and the two the caller decides. */
export const AUTO_EXCLUSION_LABELS: Record<AutoExclusionReason, string> = {
  ...Object.fromEntries(Object.entries(AVAILABILITY_REASONS).map(([reason, text]) => [reason, text.label])),
  PREMIUM_NOT_ELIGIBLE: 'premium, user not eligible',
  EXCLUDED_BY_CALLER: 'excluded by the caller',
} as Record<AutoExclusionReason, string>;
