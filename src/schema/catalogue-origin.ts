import { builder } from './builder.js';

export const CatalogueOriginEnum = builder.enumType('CatalogueOrigin', {
  description: 'Where the OpenRouter part of the served catalogue came from.',
  values: {
    LIVE: { value: 'live', description: 'Fetched from OpenRouter by this server.' },
    PERSISTED: { value: 'persisted', description: 'The last-good catalogue saved by an earlier run (OpenRouter not reached yet).' },
    BUNDLED_SNAPSHOT: { value: 'bundled-snapshot', description: 'The OpenRouter snapshot shipped with the server (no live or saved catalogue yet).' },
    SHARED: { value: 'shared', description: 'Published by another replica through Redis.' },
    OPERATOR_ONLY: { value: 'operator-only', description: 'Operator configs only: the OpenRouter integration is disabled.' },
  } as const,
});
