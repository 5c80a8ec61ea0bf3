import { builder } from './builder.js';

builder.scalarType('JSON', {
  description: 'Arbitrary JSON value (used for LiteLLM parameters, passed through as configured).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
