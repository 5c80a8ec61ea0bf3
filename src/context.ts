import type { CatalogueApi } from './catalogue/refresh-types.js';
import type { Availability } from './catalogue/requirements.js';
import type { StandingsView } from './catalogue/standings.js';
import type { CatalogueConfig } from './catalogue/types.js';
import type { CatalogueVersion } from './catalogue/version.js';
import type { CredentialGate, CredentialVerdict, Scope } from './http/bearer-auth.js';

export { bearerTokenMatches } from './http/bearer-auth.js';

/** Per-request state. Built once per request, so every field of one operation sees one catalogue version. */
export interface GraphQLContext {
  readonly catalogue: CatalogueApi;
  /** The version this request reads, taken once when the request starts (null before any is loaded). */
  readonly version: CatalogueVersion | null;
  /** Cooldowns and blocks as this request sees them (its version, one clock reading). */
  readonly standings: StandingsView;
  /** The client's address (the peer, or the forwarded address behind trusted proxies). */
  readonly clientAddress: string;
  /** Whether the request carries a scope's token: decided on first use, once per request and scope (attempts are throttled per address). */
  readonly credentials: CredentialCheck;
  /** The availability of the configs of each top-level listing (keyed by its response key), computed once for the listing and read by its configs' fields. */
  readonly listings: Map<string, ListingAvailability>;
}

export interface ListingAvailability {
  of(config: CatalogueConfig): Availability;
}

export interface CredentialCheck {
  verify(scope: Scope): Promise<CredentialVerdict>;
  /** The verdict for `scope` once `verify` has settled. */
  settled(scope: Scope): CredentialVerdict | null;
}

export interface ContextDeps {
  readonly catalogue: CatalogueApi;
  readonly credentialGate: CredentialGate;
}

export function createContext(request: Request, clientAddress: string, deps: ContextDeps): GraphQLContext {
  const version = deps.catalogue.current();
  const pending = new Map<Scope, Promise<CredentialVerdict>>();
  const settled = new Map<Scope, CredentialVerdict>();
  const credentials: CredentialCheck = {
    settled: (scope) => settled.get(scope) ?? null,
    verify: (scope) => {
      let verdict = pending.get(scope);
      if (!verdict) {
        verdict = deps.credentialGate.verify(scope, request.headers.get('authorization'), clientAddress).then((result) => {
          settled.set(scope, result);
          return result;
        });
        pending.set(scope, verdict);
      }
      return verdict;
    },
  };
  return {
    catalogue: deps.catalogue,
    version,
    standings: deps.catalogue.standings().view(version),
    clientAddress,
    credentials,
    listings: new Map(),
  };
}
