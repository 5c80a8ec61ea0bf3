import { formatDuration, formatInstant, secondsSince } from '../model/format';
import { useNow } from './use-now';

/** An instant with how long ago it was, kept current. */
export function Age({ at, suffix = 'ago' }: { at: string | null | undefined; suffix?: string }) {
  const now = useNow();
  if (!at) return <span>—</span>;
  const seconds = secondsSince(at, now);
  return (
    <time dateTime={at} title={formatInstant(at)}>
      {seconds >= 0 ? `${formatDuration(seconds)} ${suffix}` : `in ${formatDuration(-seconds)}`}
    </time>
  );
}
