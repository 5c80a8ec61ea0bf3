import type { UpstreamFailureKind } from '../openrouter/http.js';
import type { CatalogueDiff } from './diff.js';
import type { OutcomeReport } from './outcome-policy.js';
import type { ReportedOutcome, StandingBook } from './standings.js';
import type { CatalogueVersion } from './version.js';

/** Who asked for a refresh. */
export type RefreshTrigger = 'startup' | 'timer' | 'retry' | 'admin';

/** Why a guard refused a successfully fetched model list. */
export type GuardName = 'EMPTY' | 'SHRUNK' | 'GROWN' | 'MALFORMED';

/** The result of one refresh attempt. Expected failures are values, not exceptions. */
export type RefreshOutcome =
  | {
      readonly kind: 'accepted';
      readonly version: CatalogueVersion;
      readonly diff: CatalogueDiff;
      /** The report of this refresh (lastRefresh may already tell of a later one). */
      readonly report: RefreshReport;
    }
  | {
      readonly kind: 'upstream-unavailable';
      readonly failureKind: UpstreamFailureKind;
      readonly message: string;
      readonly status: number | null;
      readonly retryAfterSeconds: number | null;
    }
  | {
      readonly kind: 'rejected-by-guard';
      readonly guard: GuardName;
      readonly message: string;
      readonly currentCount: number;
      readonly fetchedCount: number;
    };

/** A refresh that put no new version in place. */
export type RefreshFailure = Exclude<RefreshOutcome, { kind: 'accepted' }>;

/** The last refresh attempt as the API reports it. */
export interface RefreshReport {
  readonly trigger: RefreshTrigger;
  readonly forced: boolean;
  /** Unix ms. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly outcome: RefreshOutcome['kind'];
  /** One human-readable line: what happened and why. */
  readonly message: string;
  /** Malformed model objects dropped from the fetched list (0 when the fetch failed). */
  readonly malformedCount: number;
  /** Unix ms of the next scheduled attempt, null when none is scheduled. */
  readonly nextAttemptAt: number | null;
}

/** The one-line message of an accepted refresh, naming the version as the process that refreshed numbers it. */
export function acceptedMessage(version: CatalogueVersion): string {
  return `accepted version ${version.version} with ${version.configs.length} configs`;
}

/** Told of each version put in place, with the report of the refresh that made it (the last report when none did, e.g. a load at startup). */
export type VersionListener = (version: CatalogueVersion, report: RefreshReport | null) => void;

export interface RefreshOptions {
  readonly force?: boolean;
  readonly trigger: RefreshTrigger;
}

/** What readers need of the standings: a view per request, a stamp that changes with what they would see, counts. */
export type StandingsReader = Pick<StandingBook, 'view' | 'stamp' | 'counts'>;

/** What the API layer needs from the catalogue: read the current version, refresh, explain, learn from outcomes. */
export interface CatalogueApi {
  /** The version being served, or null before any catalogue is loaded. */
  current(): CatalogueVersion | null;
  lastRefresh(): RefreshReport | null;
  /** The most recent change records, newest first. */
  changes(last: number): readonly CatalogueDiff[];
  /** Runs (or joins the in-flight) refresh. Never rejects for expected failures. */
  refresh(options: RefreshOptions): Promise<RefreshOutcome>;
  /** Subscribes to each version put in place, told with the report of the refresh that made it; returns the unsubscribe function. */
  onVersion(listener: VersionListener): () => void;
  /** Cooldowns and blocks learned from outcome reports (shared by replicas with Redis). */
  standings(): StandingsReader;
  /** Applies the chat backend's report of a call to a config; throws UnknownConfigError for an id the served catalogue lacks. */
  reportOutcome(configId: number, report: OutcomeReport): ReportedOutcome;
}
