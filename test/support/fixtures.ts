import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Root of the data copied into the repository (see test/fixtures/openrouter/SOURCES.md). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const MODELS_DIR = join(FIXTURES_DIR, 'openrouter');
export const ENDPOINTS_DIR = join(FIXTURES_DIR, 'openrouter', 'endpoints');
export const CONFORMANCE_DIR = join(FIXTURES_DIR, 'conformance');

export function readFixtureBytes(...parts: string[]): Buffer {
  return readFileSync(join(FIXTURES_DIR, ...parts));
}

export function readFixtureJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFixtureBytes(...parts).toString('utf8')) as T;
}

export function conformanceFiles(prefix: string): string[] {
  return readdirSync(CONFORMANCE_DIR).filter((name) => name.startsWith(prefix)).sort();
}
