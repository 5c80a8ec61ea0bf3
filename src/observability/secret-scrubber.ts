/** Replaced for a secret wherever it would have appeared. */
export const REDACTED = '[redacted]';

/**
 * Replaces every registered secret in a finished text (a log line, a metrics page), as written and
 * JSON-escaped: the last line of defence behind code that never hands secrets out to begin with.
 * Values shorter than 4 characters are ignored: they would mangle ordinary text.
 */
export function secretScrubber(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const values = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4);
  const forms = [...new Set(values.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
  if (forms.length === 0) return (text) => text;
  return (text) => {
    for (const form of forms) if (text.includes(form)) text = text.replaceAll(form, REDACTED);
    return text;
  };
}
