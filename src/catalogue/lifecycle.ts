/**
 * Where a model is in its life. Judged at the clock a version's configs are made at (the clock its
 * recency score uses too), so a version reads the same on every replica and after a restart.
 */

export type Lifecycle = 'active' | 'new' | 'expiring' | 'retired';

export interface LifecycleSettings {
  /** A model released within this many days is NEW. */
  readonly newModelDays: number;
  /** A model OpenRouter stops serving within this many days (or already stopped) is EXPIRING. */
  readonly expiringDays: number;
}

const DAY_MS = 86_400_000;

/** The lifecycle of a listed model at `nowSeconds`: EXPIRING before NEW (a warning matters more than a badge). */
export function listedLifecycle(releasedAt: number | null, expiresAt: number | null, nowSeconds: number, settings: LifecycleSettings): Lifecycle {
  const now = nowSeconds * 1000;
  if (expiresAt !== null && expiresAt - now <= settings.expiringDays * DAY_MS) return 'expiring';
  if (releasedAt !== null && now - releasedAt <= settings.newModelDays * DAY_MS) return 'new';
  return 'active';
}

/** Unix ms of 00:00 UTC on a `YYYY-MM-DD` day. */
export function startOfDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}
