import type { GateReason } from '../catalogue/model-health.js';
import { builder } from './builder.js';

export const GateReasonEnum = builder.enumType('GateReason', {
  description: 'Why live health took a model out of Auto selection.',
  values: {
    NO_ENDPOINTS: { value: 'NO_ENDPOINTS', description: 'OpenRouter lists no endpoint for the model.' },
    NO_OK_ENDPOINT: { value: 'NO_OK_ENDPOINT', description: 'No endpoint has status 0 (OK).' },
    UPTIME_BELOW_THRESHOLD: { value: 'UPTIME_BELOW_THRESHOLD', description: 'The best uptime is below 90%.' },
    NO_UPTIME_DATA: { value: 'NO_UPTIME_DATA', description: 'No endpoint reports any uptime.' },
  } as const satisfies Record<GateReason, unknown>,
});
