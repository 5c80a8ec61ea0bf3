import { GRAPHQL_ENDPOINT } from './client';
import { compact } from './compact';
import type { TypedDocumentString } from './gql/graphql';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers<TResult> {
  next(data: TResult): void;
  state(state: LiveState, detail?: string): void;
  /** The stream is back after an interruption: events may have been missed, so read everything again. */
  resumed(): void;
}

/** Longest wait between two attempts when the server refuses the stream itself (a limit, a restart). */
const MAX_BACKOFF_MS = 60_000;

/**
 * A subscription over same-origin Server-Sent Events: `GET /graphql?query=…` with the browser's own
 * EventSource, which Yoga answers with `next` events. EventSource reconnects by itself when a stream
 * drops; when the server refuses one outright (an HTTP error, a GraphQL error such as too many open
 * streams), this tries again with a growing delay. Returns the function that stops it.
 */
export function subscribe<TResult>(document: TypedDocumentString<TResult, Record<string, never>>, handlers: LiveHandlers<TResult>): () => void {
  const url = `${GRAPHQL_ENDPOINT}?query=${encodeURIComponent(compact(document))}`;
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let backoffMs = 1_000;
  let interrupted = false;
  let stopped = false;

  const retryLater = (detail: string) => {
    source?.close();
    source = null;
    interrupted = true;
    handlers.state('reconnecting', detail);
    retry = setTimeout(connect, backoffMs);
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
  };

  function connect(): void {
    if (stopped) return;
    source = new EventSource(url);
    source.addEventListener('open', () => {
      handlers.state('live');
      if (interrupted) handlers.resumed();
      interrupted = false;
    });
    source.addEventListener('next', (event) => {
      const body = JSON.parse((event as MessageEvent<string>).data) as { data?: TResult; errors?: { message: string }[] };
      if (body.errors?.length) return retryLater(body.errors[0]!.message);
      backoffMs = 1_000;
      if (body.data) handlers.next(body.data);
    });
    source.addEventListener('error', () => {
      if (stopped || source === null) return;
      // CONNECTING: the browser is already reconnecting a dropped stream; CLOSED: it gave up.
      if (source.readyState === EventSource.CLOSED) retryLater('the server refused the stream');
      else {
        interrupted = true;
        handlers.state('reconnecting');
      }
    });
  }

  handlers.state('connecting');
  connect();
  return () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    source?.close();
  };
}
