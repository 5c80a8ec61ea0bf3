import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
// One file per GraphQL type; a root field lives next to the type it returns. Importing the files that
// define root fields pulls in every type they reach.
import './root-types.js';
import './json.js';
import './date-time.js';
import './llm-config.js';
import './catalogue-status.js';
import './catalogue-change.js';
import './refresh-catalogue.js';
import './auto-pick.js';
import './report-model-outcome.js';

export const schema = builder.toSchema();

/** The SDL committed as `schema.graphql`. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
