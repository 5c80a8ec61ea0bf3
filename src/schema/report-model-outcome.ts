import { MAX_RETRY_AFTER_SECONDS } from '../catalogue/outcome-policy.js';
import { UnknownConfigError, type ReportedOutcome } from '../catalogue/standings.js';
import { badUserInput, builder } from './builder.js';
import { LlmConfigRef } from './llm-config.js';
import { ModelOutcomeEnum } from './model-outcome.js';
import { OutcomeEffectEnum } from './outcome-effect.js';

const ReportModelOutcomeResultRef = builder.objectRef<ReportedOutcome>('ReportModelOutcomeResult').implement({
  description: 'What an outcome report changed, and the config as it stands now (`cooldownUntil`, `blockedReason`, `availability`).',
  fields: (t) => ({
    effect: t.field({ type: OutcomeEffectEnum, description: 'What the report changed.', resolve: (r) => r.effect }),
    message: t.exposeString('message', { description: 'The effect in one sentence (e.g. `cooling down for 600 s, until 2026-11-24T10:10:00.000Z (failure 1 in a row)`).' }),
    config: t.field({ type: LlmConfigRef, description: 'The config reported on.', resolve: (r) => r.config }),
  }),
});

builder.mutationFields((t) => ({
  reportModelOutcome: t.field({
    type: ReportModelOutcomeResultRef,
    description:
      'The chat backend reports how a call to a config went, so Auto skips a model that is failing: RATE_LIMITED and UNAVAILABLE put it on a cooldown, repeated NOT_FOUND or BAD_REQUEST block it, OK clears a cooldown. With Redis every replica sees it within a second. Needs `Authorization: Bearer <service token>` (`SERVICE_TOKEN`); the admin token does not open it.',
    authScopes: { service: true },
    args: {
      configId: t.arg.int({ required: true, description: 'The config that was called (a config of the served catalogue; not 0, Auto itself).' }),
      outcome: t.arg({ type: ModelOutcomeEnum, required: true, description: 'How the call went.' }),
      retryAfterSeconds: t.arg.int({ required: false, description: `The provider's Retry-After, in seconds (0 to ${MAX_RETRY_AFTER_SECONDS}); the cooldown is at most \`COOLDOWN_MAX_SECONDS\` whatever it says.` }),
    },
    resolve: (_root, { configId, outcome, retryAfterSeconds }, { catalogue }) => {
      if (retryAfterSeconds != null && (retryAfterSeconds < 0 || retryAfterSeconds > MAX_RETRY_AFTER_SECONDS)) {
        throw badUserInput(`retryAfterSeconds must be from 0 to ${MAX_RETRY_AFTER_SECONDS} (one day), got ${retryAfterSeconds}`);
      }
      try {
        return catalogue.reportOutcome(configId, { outcome, retryAfterSeconds: retryAfterSeconds ?? null });
      } catch (error) {
        if (error instanceof UnknownConfigError) throw badUserInput(`configId: ${error.message}${configId === 0 ? ' (0 is Auto itself: report the config it picked)' : ''}`);
        throw error;
      }
    },
  }),
}));
