import { builder } from './builder.js';

export const RefreshOutcomeEnum = builder.enumType('RefreshOutcome', {
  description: 'How a refresh ended.',
  values: {
    ACCEPTED: { value: 'accepted', description: 'A new catalogue version is being served.' },
    UPSTREAM_UNAVAILABLE: { value: 'upstream-unavailable', description: 'OpenRouter could not be reached or sent an unusable answer; the previous catalogue is still served.' },
    REJECTED_BY_GUARD: { value: 'rejected-by-guard', description: 'The fetched list was empty or shrank too much; the previous catalogue is still served.' },
  } as const,
});
