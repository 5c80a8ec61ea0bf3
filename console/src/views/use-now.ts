import { useEffect, useState } from 'preact/hooks';

/** The current time, ticking every `everyMs`: for ages that keep counting between updates. */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
