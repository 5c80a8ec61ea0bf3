import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/schema/index.js';

// The committed schema.graphql is the API reference; a test fails when it drifts from the code.
writeFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), printedSchema());
