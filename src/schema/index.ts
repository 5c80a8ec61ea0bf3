import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './enums.js';
import './health-snapshot.js';
import './llm-config.js';
import './catalogue.js';
import './refresh-catalogue.js';
import './auto-pick.js';

export const schema = builder.toSchema();

/** The SDL committed as `schema.graphql`. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
