import { z } from 'zod';

/**
 * The ranges of numbers the catalogue can serve. Clients read counts as signed 32-bit integers (the
 * API's `Int`) and scores, prices and uptimes as finite doubles (JSON has no Infinity or NaN), so a
 * value outside them must be caught where it enters: once in a config, it would break every response
 * that lists configs.
 */

export const SERVED_INT_MIN = -(2 ** 31);
export const SERVED_INT_MAX = 2 ** 31 - 1;

/** A whole number a 32-bit signed integer holds. */
export function isServedInt(value: number): boolean {
  return Number.isInteger(value) && value >= SERVED_INT_MIN && value <= SERVED_INT_MAX;
}

/** Dates are served as ISO strings: JavaScript dates span ±8.64e15 ms around 1970. */
export const SERVED_TIME_MAX_MS = 8.64e15;

/** Control characters (C0, DEL, C1) and lone UTF-16 surrogates, which no well-formed name or id carries. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnprintable(text: string): boolean {
  return UNPRINTABLE.test(text);
}

/** Text served as is (an id, a name): no control characters, no lone surrogates. */
export const printableString = z.string().refine((text) => !hasUnprintable(text), { error: 'contains control characters or a lone surrogate' });

/** A count served as an Int: whole, from 0 to 2^31 − 1. */
export const servedCount = z.number().int().nonnegative().max(SERVED_INT_MAX);

/** A whole number served as an Int. */
export const servedInt = z.number().int().min(SERVED_INT_MIN).max(SERVED_INT_MAX);

/** Unix ms that a date can hold (served as ISO-8601 strings); never before 1970, so ages stay within Int. */
export const servedInstant = z.number().min(0).max(SERVED_TIME_MAX_MS);
