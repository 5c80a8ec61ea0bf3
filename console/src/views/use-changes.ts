import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { ConsoleChangesDocument, type ChangeEntryFragment } from '../api/gql/graphql';
import { retryDelayMs } from './use-catalogue';

/** Timeline entries read (the most the API keeps; it charges the same for fewer). */
export const CHANGES_SHOWN = 50;

/**
 * The change timeline, read when first shown and again whenever the served version changes (the
 * version comes from the subscription), so it grows without a page reload.
 */
export function useChanges(version: number | null): { changes: readonly ChangeEntryFragment[] | null; error: string | null } {
  const [changes, setChanges] = useState<readonly ChangeEntryFragment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    // A newer version's read supersedes this one: its answer is ignored, not its request aborted (the
    // server has done the work by then, and an aborted request reads as a failure in the browser).
    let current = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    request(ConsoleChangesDocument, { last: CHANGES_SHOWN })
      .then((answer) => {
        if (!current) return;
        setChanges(answer.catalogueChanges);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        const delay = retryDelayMs(failure);
        if (delay !== null) retry = setTimeout(() => setAttempt((n) => n + 1), delay);
      });
    return () => {
      current = false;
      if (retry !== null) clearTimeout(retry);
    };
  }, [version, attempt]);
  return { changes, error };
}
