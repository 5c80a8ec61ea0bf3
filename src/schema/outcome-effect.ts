import type { OutcomeEffect } from '../catalogue/outcome-policy.js';
import { builder } from './builder.js';

export const OutcomeEffectEnum = builder.enumType('OutcomeEffect', {
  description: 'What an outcome report changed.',
  values: {
    COOLDOWN_STARTED: { value: 'cooldown-started', description: 'The config is cooling down from now until `cooldownUntil`.' },
    COOLDOWN_EXTENDED: { value: 'cooldown-extended', description: 'It was cooling down; the cooldown now ends later.' },
    COOLDOWN_CLEARED: { value: 'cooldown-cleared', description: 'OK ended its cooldown: Auto may pick it again.' },
    REJECTION_COUNTED: { value: 'rejection-counted', description: 'A NOT_FOUND or BAD_REQUEST incident was counted towards a block.' },
    BLOCKED: { value: 'blocked', description: 'The third incident within an hour: blocked until an accepted refresh lists it again.' },
    UNCHANGED: { value: 'unchanged', description: 'Nothing changed: already cooling down for at least as long, a repeat within a minute of the last counted incident, already blocked, or nothing to clear.' },
  } as const satisfies Record<string, { value: OutcomeEffect; description: string }>,
});
