import { builder } from './builder.js';

export const ConfigSourceEnum = builder.enumType('ConfigSource', {
  description: 'Where a config comes from.',
  values: {
    OPERATOR_YAML: { value: 'yaml', description: "Curated by the operator in the catalogue YAML (`global_llm_configs`)." },
    OPENROUTER: { value: 'openrouter', description: "Generated from OpenRouter's public model list." },
    AUTO: { value: 'auto', description: 'The virtual "Auto (Fastest)" entry (id 0).' },
  } as const,
});
