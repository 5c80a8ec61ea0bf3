import type { CatalogueApi } from './catalogue/refresh-types.js';
import type { CatalogueVersion } from './catalogue/version.js';
import type { AdminGate, AdminVerdict } from './http/admin-auth.js';

export { isAdminRequest } from './http/admin-auth.js';

/** Per-request state. Built once per request, so every field of one operation sees one catalogue version. */
export interface GraphQLContext {
  readonly catalogue: CatalogueApi;
  /** The version this request reads, taken once when the request starts (null before any is loaded). */
  readonly version: CatalogueVersion | null;
  /** The client's address (the peer, or the forwarded address behind trusted proxies). */
  readonly clientAddress: string;
  /** Whether the request carries the admin token: decided on first use, once per request (attempts are throttled per address). */
  readonly admin: AdminCheck;
}

export interface AdminCheck {
  verify(): Promise<AdminVerdict>;
  /** The verdict once `verify` has settled. */
  readonly settled: AdminVerdict | null;
}

export interface ContextDeps {
  readonly catalogue: CatalogueApi;
  readonly adminGate: AdminGate;
}

export function createContext(request: Request, clientAddress: string, deps: ContextDeps): GraphQLContext {
  const version = deps.catalogue.current();
  let pending: Promise<AdminVerdict> | null = null;
  const admin = {
    settled: null as AdminVerdict | null,
    verify: () =>
      (pending ??= deps.adminGate.verify(request.headers.get('authorization'), clientAddress).then((verdict) => {
        admin.settled = verdict;
        return verdict;
      })),
  };
  return {
    catalogue: deps.catalogue,
    version,
    clientAddress,
    admin,
  };
}
