import type { Capability } from '../catalogue/capabilities.js';
import { builder } from './builder.js';

export const CapabilityEnum = builder.enumType('Capability', {
  description: 'Something a model can do.',
  values: {
    TOOLS: { value: 'tools', description: 'Tool (function) calling.' },
    IMAGE_INPUT: { value: 'image-input', description: 'Accepts images.' },
    REASONING: { value: 'reasoning', description: 'Reasons before answering (thinking tokens).' },
    STRUCTURED_OUTPUTS: { value: 'structured-outputs', description: 'Answers in a given JSON schema (OpenRouter: `structured_outputs`).' },
    WEB_SEARCH: { value: 'web-search', description: 'Searches the web natively (OpenRouter: `web_search_options`).' },
  } as const satisfies Record<string, { value: Capability; description: string }>,
});
