import type { GateReason } from '../catalogue/model-health.js';
import { builder } from './builder.js';

/** Enums shared by several types. Values are the domain's own strings, so resolvers pass them through. */

export const TierEnum = builder.enumType('Tier', {
  description: 'Billing tier of a model.',
  values: {
    FREE: { value: 'free', description: 'Free to use (OpenRouter: a `:free` id or zero prompt and completion prices).' },
    PREMIUM: { value: 'premium', description: 'Paid; counts against premium quotas.' },
  } as const,
});

export const ConfigSourceEnum = builder.enumType('ConfigSource', {
  description: 'Where a config comes from.',
  values: {
    OPERATOR_YAML: { value: 'yaml', description: "Curated by the operator in the catalogue YAML (`global_llm_configs`)." },
    OPENROUTER: { value: 'openrouter', description: "Generated from OpenRouter's public model list." },
    AUTO: { value: 'auto', description: 'The virtual "Auto (Fastest)" entry (id 0).' },
  } as const,
});

export const AutoPinTierEnum = builder.enumType('AutoPinTier', {
  description: 'Preference class for Auto (Fastest) pinning: A is preferred whenever any A candidate exists.',
  values: {
    A: { value: 'A', description: 'Operator-curated config.' },
    B: { value: 'B', description: 'OpenRouter premium model.' },
    C: { value: 'C', description: 'OpenRouter free model.' },
  } as const,
});

export const GateReasonEnum = builder.enumType('GateReason', {
  description: 'Why live health took a model out of Auto selection.',
  values: {
    NO_ENDPOINTS: { value: 'NO_ENDPOINTS', description: 'OpenRouter lists no endpoint for the model.' },
    NO_OK_ENDPOINT: { value: 'NO_OK_ENDPOINT', description: 'No endpoint has status 0 (OK).' },
    UPTIME_BELOW_THRESHOLD: { value: 'UPTIME_BELOW_THRESHOLD', description: 'The best uptime is below 90%.' },
    NO_UPTIME_DATA: { value: 'NO_UPTIME_DATA', description: 'No endpoint reports any uptime.' },
  } as const satisfies Record<GateReason, unknown>,
});
