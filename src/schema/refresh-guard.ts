import type { GuardName } from '../catalogue/refresh-types.js';
import { builder } from './builder.js';

export const RefreshGuardEnum = builder.enumType('RefreshGuard', {
  description: 'A safety check on a fetched model list.',
  values: {
    EMPTY: { value: 'EMPTY', description: 'The list kept no OpenRouter model.' },
    SHRUNK: { value: 'SHRUNK', description: 'The list kept far fewer models than are served (more than `max_shrink_fraction` fewer).' },
    GROWN: { value: 'GROWN', description: 'The list kept implausibly many more models than are served (more than `max_growth_factor` times as many).' },
    MALFORMED: { value: 'MALFORMED', description: 'More than `max_malformed_fraction` of the model objects were malformed: the upstream is likely broken.' },
  } as const satisfies Record<GuardName, unknown>,
});
