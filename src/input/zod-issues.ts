import type { z } from 'zod';

/** Renders a zod issue path the way operators read YAML: `global_llm_configs[2].rpm`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'an infinite number';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'non-integer number';
  return typeof value;
}

/**
 * One line per problem, `path: what was expected, got what`, reading the offending value from
 * `root` because zod does not include it in issues by default.
 */
export function formatZodIssue(issue: z.core.$ZodIssue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(root, issue.path);
      return `${formatPath(issue.path)}: expected ${issue.expected}, got ${typeName(actual)}${actual === undefined ? ' (required)' : ''}`;
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key`).join('\n');
    default:
      return `${formatPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
  }
}

/** All problems of a failed parse, one per line. */
export function formatZodError(error: z.ZodError, root: unknown): string[] {
  return error.issues.flatMap((issue) => formatZodIssue(issue, root).split('\n'));
}
