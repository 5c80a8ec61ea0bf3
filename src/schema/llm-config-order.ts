import { builder } from './builder.js';

export const LlmConfigOrder = builder.enumType('LlmConfigOrder', {
  description: 'Order of a config list. Configs without the value ordered by come last; ties keep catalogue order.',
  values: {
    CATALOGUE: { value: 'catalogue', description: 'Catalogue order: operator configs first, then OpenRouter models in payload order (the original order), then retired models.' },
    QUALITY_DESC: { value: 'quality-desc', description: 'Highest quality score first; ties in catalogue order.' },
    ID: { value: 'id', description: 'Ascending id.' },
    NAME: { value: 'name', description: 'Name, by code point.' },
    NEWEST: { value: 'newest', description: 'Most recently released first (`releasedAt`).' },
    PRICE_ASC: { value: 'price-asc', description: 'Cheapest prompt price first, then cheapest completion price.' },
    CONTEXT_DESC: { value: 'context-desc', description: 'Largest context window first.' },
    INTELLIGENCE_INDEX_DESC: { value: 'intelligence-desc', description: 'Highest Artificial Analysis intelligence index first.' },
    CODING_INDEX_DESC: { value: 'coding-desc', description: 'Highest Artificial Analysis coding index first.' },
    AGENTIC_INDEX_DESC: { value: 'agentic-desc', description: 'Highest Artificial Analysis agentic index first.' },
  } as const,
});
