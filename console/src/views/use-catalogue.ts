import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleCatalogueDocument, ConsoleCatalogueUpdatedDocument, type ConsoleCatalogueQuery, type ConsoleStatusFragment } from '../api/gql/graphql';
import { subscribe, type LiveState } from '../api/live';

export interface CatalogueState {
  /** The last answer of the console's query; null until the first one. */
  readonly data: ConsoleCatalogueQuery | null;
  /** The status of the catalogue read last (a new version's status arrives with its read). */
  readonly status: ConsoleStatusFragment | null;
  /** Why the last load failed; null when it did not. */
  readonly error: string | null;
  readonly live: LiveState;
  readonly liveDetail: string | null;
  /**
   * Reads the catalogue again, unless what was read already has `version` (a refresh's answer and its
   * event name the same version: one read serves both). Concurrent calls share one request.
   */
  readonly reload: (version?: number | null) => Promise<void>;
}

/** A busy server's Retry-After, else null: the read is tried again after it, by itself. */
export function retryDelayMs(error: unknown): number | null {
  return error instanceof ApiError && error.retryAfterSeconds !== null ? Math.max(1, error.retryAfterSeconds) * 1000 : null;
}

/**
 * The catalogue as the console shows it: read once, then again for every new version announced by
 * the `catalogueUpdated` subscription (and after a lost stream comes back, since events may have been
 * missed), without a page reload.
 */
export function useCatalogue(): CatalogueState {
  const [data, setData] = useState<ConsoleCatalogueQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<{ state: LiveState; detail: string | null }>({ state: 'connecting', detail: null });
  const inFlight = useRef<Promise<void> | null>(null);
  /** Versions asked for while a read was in flight (null: read again whatever it brings). */
  const pending = useRef<(number | null)[]>([]);
  const loadedVersion = useRef<number | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback((version?: number | null): Promise<void> => {
    const behind = () => version == null || loadedVersion.current === null || loadedVersion.current < version;
    if (!behind()) return Promise.resolve();
    if (inFlight.current) {
      // Read once more after the read in flight, unless that one brings the version asked for.
      pending.current.push(version ?? null);
      return inFlight.current;
    }
    const run = async () => {
      for (;;) {
        try {
          const answer = await request(ConsoleCatalogueDocument, {});
          loadedVersion.current = answer.catalogue.version ?? null;
          setData(answer);
          setError(null);
        } catch (failure) {
          setError(failure instanceof Error ? failure.message : String(failure));
          const delay = retryDelayMs(failure);
          if (delay !== null && retry.current === null) {
            retry.current = setTimeout(() => {
              retry.current = null;
              void reload();
            }, delay);
          }
        }
        const asked = pending.current.splice(0);
        if (!asked.some((wanted) => wanted === null || loadedVersion.current === null || loadedVersion.current < wanted)) break;
      }
      inFlight.current = null;
    };
    inFlight.current = run();
    return inFlight.current;
  }, []);

  // A layout effect runs right after the first render, before the first paint: the catalogue request
  // starts without waiting for the empty shell to be painted.
  useLayoutEffect(() => {
    void reload();
    const stop = subscribe(ConsoleCatalogueUpdatedDocument, {
      // The event names the version only: its read brings the status with the list.
      next: (event) => void reload(event.catalogueUpdated.version),
      state: (state, detail) => setLive({ state, detail: detail ?? null }),
      resumed: () => void reload(),
    });
    return () => {
      stop();
      if (retry.current !== null) clearTimeout(retry.current);
    };
  }, [reload]);

  return { data, status: data?.catalogue ?? null, error, live: live.state, liveDetail: live.detail, reload };
}
