import { builder } from './builder.js';

export const RefreshTriggerEnum = builder.enumType('RefreshTrigger', {
  description: 'What started a refresh.',
  values: {
    STARTUP: { value: 'startup', description: 'The first refresh after the server started.' },
    TIMER: { value: 'timer', description: 'The periodic background refresh.' },
    RETRY: { value: 'retry', description: 'A retry after a failed refresh.' },
    ADMIN: { value: 'admin', description: 'The `refreshCatalogue` mutation.' },
  } as const,
});
