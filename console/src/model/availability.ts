import type { AutoExclusionReason, GateReason } from '../api/gql/graphql';

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
 * The label of each group Auto leaves out, one per reason the API can give (typed against the schema's
 * enum like GATE_REASONS); the sentence behind each comes from the API (`excluded.message`).
 */
export const AUTO_EXCLUSION_LABELS: Record<AutoExclusionReason, string> = {
  MISSING_IMAGE_INPUT: 'no image input',
  CONTEXT_TOO_SHORT: 'context too short',
  NO_TOOL_CALLING: 'no tool calling',
  NO_REASONING: 'no reasoning',
  OVER_PRICE_CAP: 'over the price cap',
  NO_CREDENTIAL: 'no credential',
  RETIRED: 'retired',
  GATED: 'gated',
  BLOCKED: 'blocked',
  COOLING_DOWN: 'cooling down',
  PREMIUM_NOT_ELIGIBLE: 'premium, user not eligible',
  EXCLUDED_BY_CALLER: 'excluded by the caller',
};
