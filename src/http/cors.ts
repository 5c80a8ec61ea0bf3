import type { Plugin, YogaServerOptions } from 'graphql-yoga';

/**
 * CORS as the operator sets it with `CORS_ORIGINS`: `*` (the default) lets a page on any origin read
 * anonymous queries; a comma-separated list allows only those origins. Credentials (cookies) are
 * never allowed: the admin token travels in the Authorization header, which a page must set itself.
 */

export type CorsOrigins = '*' | readonly string[];

/** Parses `CORS_ORIGINS`: `*`, or origins like `https://app.example.com` separated by commas. */
export function parseCorsOrigins(value: string | undefined): CorsOrigins {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return '*';
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

export function corsOptions(origins: CorsOrigins): NonNullable<YogaServerOptions<object, object>['cors']> {
  return {
    origin: origins === '*' ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'POST'],
    // Readable by the page: the validator for conditional GETs, and when to come back after a 429/503.
    exposedHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  };
}

/**
 * `Vary: Origin` on every answer, with or without an Origin header and whatever the origin. The CORS
 * headers of an answer depend on the request's Origin, so a shared cache (CDN, proxy, browser) must
 * not hand one origin's answer to another, nor an answer to a request without Origin to a browser.
 * Yoga's CORS adds it only when it echoes an allowed origin. `Accept` changes the media type of
 * GraphQL answers, so it is listed too.
 */
export const varyPlugin: Plugin = {
  onResponse({ response }) {
    const vary = response.headers.get('vary');
    // The common cases without parsing: nothing yet, or Yoga's CORS having added Origin.
    if (vary === null || vary === 'Origin') {
      response.headers.set('vary', 'Origin, Accept');
      return;
    }
    const tokens = vary.split(',').map((token) => token.trim());
    for (const token of ['Origin', 'Accept']) if (!tokens.some((existing) => existing.toLowerCase() === token.toLowerCase())) tokens.push(token);
    response.headers.set('vary', tokens.join(', '));
  },
};
