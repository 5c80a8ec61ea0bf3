import { createHash, timingSafeEqual } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';

/**
 * Who may run the operations that need a credential. Each scope has its own bearer token: `admin`
 * (`ADMIN_TOKEN`: refreshCatalogue) and `service` (`SERVICE_TOKEN`: the chat backend's
 * reportModelOutcome); a token opens its own scope only. A client address that keeps failing is
 * throttled, whichever scope it tries: each attempt (with or without a token) spends a point before
 * the token is even compared (so a burst of parallel guesses gets no further than sequential ones), a
 * success gives it back, and an address out of points is refused for the rest of the window without
 * a comparison. Refused attempts are logged with the scope, the address and the reason, never with
 * the token.
 */

export type Scope = 'admin' | 'service';

export type CredentialVerdict =
  | { readonly kind: 'granted' }
  | { readonly kind: 'not-configured' }
  | { readonly kind: 'refused'; readonly reason: 'no token' | 'malformed header' | 'wrong token' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

export interface CredentialGateOptions {
  /** The token of each scope; null when none is configured (the scope's operations are then forbidden). */
  readonly tokens: Readonly<Record<Scope, string | null>>;
  readonly logger: Logger;
  /** Attempts a client address may make per window, all scopes together, before it is refused (default 10). */
  readonly attemptsPerWindow?: number;
  /** Window and block length in seconds (default 60). */
  readonly windowSeconds?: number;
}

export interface CredentialGate {
  /** Decides whether a request's `Authorization` header carries the token of `scope`. Call once per request and scope. */
  verify(scope: Scope, authorization: string | null, clientAddress: string): Promise<CredentialVerdict>;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * True when `Authorization` is `Bearer <token>` with exactly `token`. The scheme is case-insensitive
 * (RFC 7235 §2.1); the token is compared in constant time over SHA-256 digests, so neither its
 * content nor its length leaks through timing. Query-string tokens are never looked at.
 */
export function bearerTokenMatches(authorization: string | null, token: string | null): boolean {
  if (token === null || authorization === null) return false;
  const match = /^bearer +(\S+) *$/i.exec(authorization);
  const presented = match?.[1] ?? '';
  // Compare even when the header is malformed, so a malformed header costs the same time as a wrong token.
  return timingSafeEqual(digest(presented), digest(token)) && match !== null;
}

export function createCredentialGate(options: CredentialGateOptions): CredentialGate {
  const { tokens, logger } = options;
  const windowSeconds = options.windowSeconds ?? 60;
  const attemptsPerWindow = options.attemptsPerWindow ?? 10;
  const attempts = new RateLimiterMemory({ points: attemptsPerWindow, duration: windowSeconds, blockDuration: windowSeconds });
  return {
    async verify(scope, authorization, clientAddress) {
      const token = tokens[scope];
      // Nothing to guess when no token is configured: the operation is simply forbidden.
      if (token === null) return { kind: 'not-configured' };
      try {
        await attempts.consume(clientAddress);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        // One line when the block starts; the attempts during the block are not logged one by one.
        if (rejection.consumedPoints === attemptsPerWindow + 1) logger.warn(`${scope} authentication throttled: too many refused attempts from this address`, { scope, client: clientAddress, retryAfterSeconds });
        return { kind: 'throttled', retryAfterSeconds };
      }
      if (authorization === null || authorization.trim() === '') {
        logger.warn(`${scope} authentication refused`, { scope, client: clientAddress, reason: 'no token' });
        return { kind: 'refused', reason: 'no token' };
      }
      if (bearerTokenMatches(authorization, token)) {
        await attempts.reward(clientAddress);
        return { kind: 'granted' };
      }
      const reason = /^bearer +\S+ *$/i.test(authorization) ? 'wrong token' : 'malformed header';
      logger.warn(`${scope} authentication refused`, { scope, client: clientAddress, reason });
      return { kind: 'refused', reason };
    },
  };
}
