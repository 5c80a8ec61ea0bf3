/**
 * JSON with object keys in code-point order at every depth, so equal data always gives equal text.
 * `JSON.stringify` follows insertion order, which is not data: a health object read back from a file
 * (its keys in schema order) and the same health computed live (in the order the code built it)
 * print differently, and a hash of them would differ across a restart.
 *
 * As with JSON.stringify, undefined properties are left out and non-finite numbers print as null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined && typeof item !== 'function') members.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${members.join(',')}}`;
}
