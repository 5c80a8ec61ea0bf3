import { createHash, timingSafeEqual } from 'node:crypto';
import type { CatalogueApi } from './catalogue/refresh-types.js';
import type { CatalogueVersion } from './catalogue/version.js';

/** Per-request state. Built once per request, so every field of one operation sees one catalogue version. */
export interface GraphQLContext {
  readonly catalogue: CatalogueApi;
  /** The version this request reads, taken once when the request starts (null before any is loaded). */
  readonly version: CatalogueVersion | null;
  /** Whether the request carries the admin token. */
  readonly isAdmin: boolean;
  /** Whether an admin token is configured at all (without one the mutation is refused for everyone). */
  readonly adminConfigured: boolean;
  /** Set by resolvers whose value changes with the clock (not only with the catalogue): such responses are never cached. */
  readonly cachePolicy: { timeDependent: boolean };
}

export interface ContextDeps {
  readonly catalogue: CatalogueApi;
  readonly adminToken: string | null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * True when `Authorization` is `Bearer <token>` with exactly the admin token. The scheme is
 * case-insensitive (RFC 7235 §2.1); the token is compared in constant time over SHA-256 digests, so
 * neither its content nor its length leaks through timing. Query-string tokens are never looked at.
 */
export function isAdminRequest(authorization: string | null, adminToken: string | null): boolean {
  if (adminToken === null || authorization === null) return false;
  const match = /^bearer +(\S+) *$/i.exec(authorization);
  const presented = match?.[1] ?? '';
  // Compare even when the header is malformed, so a malformed header costs the same time as a wrong token.
  return timingSafeEqual(digest(presented), digest(adminToken)) && match !== null;
}

export function createContext(request: Request, deps: ContextDeps): GraphQLContext {
  const version = deps.catalogue.current();
  return {
    catalogue: deps.catalogue,
    version,
    isAdmin: isAdminRequest(request.headers.get('authorization'), deps.adminToken),
    adminConfigured: deps.adminToken !== null,
    cachePolicy: { timeDependent: false },
  };
}
