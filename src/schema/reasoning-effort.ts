import type { ReasoningEffort } from '../openrouter/model-details.js';
import { builder } from './builder.js';

export const ReasoningEffortEnum = builder.enumType('ReasoningEffort', {
  description: 'How hard a model reasons, as OpenRouter names the levels (weakest first).',
  values: {
    NONE: { value: 'none', description: 'No reasoning.' },
    MINIMAL: { value: 'minimal', description: 'Minimal.' },
    LOW: { value: 'low', description: 'Low.' },
    MEDIUM: { value: 'medium', description: 'Medium.' },
    HIGH: { value: 'high', description: 'High.' },
    XHIGH: { value: 'xhigh', description: 'Extra high.' },
    MAX: { value: 'max', description: 'Maximum.' },
  } as const satisfies Record<string, { value: ReasoningEffort; description: string }>,
});
