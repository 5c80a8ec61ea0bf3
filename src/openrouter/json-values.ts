import { hasUnprintable, SERVED_INT_MAX } from '../input/served-range.js';

/**
 * Readers of single JSON values from an upstream list, each answering null when the value is of the
 * wrong type or one the API could not serve. They never throw: a bad value costs only itself.
 */

export const NONE: readonly never[] = Object.freeze([]);

/** A JSON object (not an array), or null. */
export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A printable, non-empty string, or null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && !hasUnprintable(value) ? value : null;
}

export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** A whole number served as an Int, from `min`. */
export function servedInt(value: unknown, min: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= SERVED_INT_MAX ? value : null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The `YYYY-MM-DD` of a real calendar day (a time after it is dropped), or null. */
export function calendarDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** A UTC time of day `HH:MM` (or `HH:MM:SS`, seconds dropped) from 00:00 to 24:00, or null. */
export function timeOfDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0))) return null;
  return `${match[1]}:${match[2]}`;
}
