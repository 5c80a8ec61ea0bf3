import type { ModelOutcome } from '../catalogue/outcome-policy.js';
import { builder } from './builder.js';

export const ModelOutcomeEnum = builder.enumType('ModelOutcome', {
  description: 'How a call to a model went, as the chat backend reports it (`reportModelOutcome`).',
  values: {
    OK: { value: 'ok', description: 'It answered: clears its cooldown and the failures counted so far (not a block).' },
    RATE_LIMITED: { value: 'rate-limited', description: 'HTTP 429: a cooldown (the given Retry-After, else `COOLDOWN_SECONDS`), doubled for each failure in a row, capped at `COOLDOWN_MAX_SECONDS`.' },
    UNAVAILABLE: { value: 'unavailable', description: 'HTTP 5xx, a timeout or no provider available: a cooldown, as RATE_LIMITED.' },
    NOT_FOUND: { value: 'not-found', description: 'HTTP 404 (the provider does not know the model): three incidents within an hour, at least a minute apart, block it until an accepted refresh lists it again.' },
    BAD_REQUEST: { value: 'bad-request', description: 'HTTP 400 for a well-formed request (the model refuses what every request sends): counted with NOT_FOUND towards a block.' },
  } as const satisfies Record<string, { value: ModelOutcome; description: string }>,
});
