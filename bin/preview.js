#!/usr/bin/env node
// The operator preview CLI, compiled: `npm run build` (or any `npm start`) produces dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/preview.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('llm-catalogue-preview: dist/ is not built; run `npm run build` first\n');
  process.exit(1);
}
await import(entry.href);
