import { builder } from './builder.js';

export const LlmConfigOrder = builder.enumType('LlmConfigOrder', {
  description: 'Order of a config list.',
  values: {
    CATALOGUE: { value: 'catalogue', description: 'Catalogue order: operator configs first, then OpenRouter models in payload order (the original order).' },
    QUALITY_DESC: { value: 'quality-desc', description: 'Highest quality score first; ties in catalogue order.' },
    ID: { value: 'id', description: 'Ascending id.' },
    NAME: { value: 'name', description: 'Name, by code point.' },
  } as const,
});
