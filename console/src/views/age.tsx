import { formatDuration, formatInstant, secondsSince } from '../model/format';
import { useNow } from './use-now';

/**
 * An instant with how long ago it was (or, for `future`, how long until it), kept current. A past
 * instant a second ahead of this browser's clock (clock skew) reads as 0 s, not as a future one.
 */
export function Age({ at, suffix = 'ago', future = false }: { at: string | null | undefined; suffix?: string; future?: boolean }) {
  const now = useNow();
  if (!at) return <span>—</span>;
  const seconds = secondsSince(at, now);
  return (
    <time dateTime={at} title={formatInstant(at)}>
      {future && seconds < 0 ? `in ${formatDuration(-seconds)}` : `${formatDuration(Math.max(0, seconds))} ${suffix}`}
    </time>
  );
}
