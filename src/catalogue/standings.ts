import { applyOutcome, EMPTY_STANDING, isCoolingDown, standingExpiry, unblocked, type OutcomeReport, type OutcomeSettings, type OutcomeStep, type Standing } from './outcome-policy.js';
import type { StandingView } from './requirements.js';
import type { CatalogueConfig } from './types.js';
import type { CatalogueVersion } from './version.js';

/**
 * What outcome reports taught about each config, as this process knows it: the one place queries read
 * cooldowns and blocks from (no Redis round trip per request). With Redis it mirrors the shared
 * standings (src/replication/standings-channel.ts merges what other replicas report); without it, it is
 * this process's own.
 *
 * Bounded by the catalogue: a report is accepted only for a config of the served version, entries of
 * configs that left the catalogue are dropped with each new version, entries nobody needs any more are
 * forgotten, and standings merged from other replicas are capped at twice the catalogue's size.
 */

/** A report for a config the served catalogue does not have. */
export class UnknownConfigError extends Error {
  override readonly name = 'UnknownConfigError';
  constructor(readonly configId: number) {
    super(`no config with id ${configId} in the served catalogue`);
  }
}

/** What a report did to a config. */
export interface ReportedOutcome extends OutcomeStep {
  readonly config: CatalogueConfig;
}

/** The standing of each config as one request sees it (its version, one clock reading). */
export interface StandingsView extends StandingView {
  /** Why the config is blocked; null when it is not. */
  blockedReason(config: CatalogueConfig): string | null;
}

export interface StandingCounts {
  readonly coolingDown: number;
  readonly blocked: number;
}

/** Told of each standing changed by a report made to this process. */
export type StandingListener = (configId: number, standing: Standing) => void;

/** Room for standings of configs another replica knows and this one does not yet (a replica booting, a version on its way). */
const MERGE_SLACK = 1000;
/** How often forgotten standings are swept out. */
const SWEEP_INTERVAL_MS = 60_000;

/** True when a block was lifted: the served list was fetched after it and still lists the model. */
function blockLifted(standing: Standing, config: CatalogueConfig, version: CatalogueVersion): boolean {
  return version.fetchedAt !== null && version.fetchedAt > standing.blockedAt! && config.lifecycle !== 'retired';
}

export class StandingBook {
  private readonly standings = new Map<number, Standing>();
  private readonly listeners = new Set<StandingListener>();
  private generation = 0;
  /** The soonest cooldown end still ahead: when it passes, what queries see changes. */
  private nextCooldownEnd = Number.POSITIVE_INFINITY;
  private nextSweepAt = 0;
  private catalogueSize = 0;

  constructor(
    private readonly settings: OutcomeSettings,
    private readonly now: () => number,
  ) {}

  /** Applies a report about a config of `version`; throws UnknownConfigError for an id it does not serve. */
  report(version: CatalogueVersion | null, configId: number, report: OutcomeReport): ReportedOutcome {
    const config = version?.byId.get(configId);
    if (version === null || config === undefined) throw new UnknownConfigError(configId);
    const now = this.now();
    this.sweep(now);
    const known = this.standings.get(configId);
    const previous = known === undefined ? EMPTY_STANDING : known.blockedAt !== null && blockLifted(known, config, version) ? unblocked(known) : known;
    const step = applyOutcome(previous, report, now, this.settings);
    if (step.standing !== known && step.standing !== previous) {
      this.put(configId, step.standing, now);
      for (const listener of this.listeners) listener(configId, step.standing);
    }
    return { ...step, config };
  }

  /** Takes a standing another replica made, unless this process has a later one. Returns whether it was taken. */
  merge(configId: number, standing: Standing): boolean {
    const known = this.standings.get(configId);
    if (known !== undefined && known.updatedAt >= standing.updatedAt) return false;
    if (known === undefined && this.standings.size >= 2 * this.catalogueSize + MERGE_SLACK) return false;
    this.put(configId, standing, this.now());
    return true;
  }

  /** Every standing this process holds (what a replica shares when Redis comes back). */
  entries(): [number, Standing][] {
    return [...this.standings];
  }

  get size(): number {
    return this.standings.size;
  }

  onChange(listener: StandingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops the standings of configs `version` no longer has. */
  retainOnly(version: CatalogueVersion): void {
    this.catalogueSize = version.configs.length;
    let dropped = false;
    for (const id of this.standings.keys()) {
      if (!version.byId.has(id)) dropped = this.standings.delete(id) || dropped;
    }
    if (dropped) this.generation += 1;
  }

  /**
   * Changes whenever what a query could see changes: a report, a merged standing, a cooldown that
   * ended. Cached answers are keyed under it.
   */
  stamp(): number {
    const now = this.now();
    if (now >= this.nextCooldownEnd) {
      this.generation += 1;
      this.nextCooldownEnd = this.soonestCooldownEnd(now);
    }
    return this.generation;
  }

  /** The standings as one request sees them. */
  view(version: CatalogueVersion | null): StandingsView {
    const now = this.now();
    const standings = this.standings;
    const cooldownUntil = (config: CatalogueConfig): number | null => {
      const standing = standings.get(config.id);
      return standing !== undefined && isCoolingDown(standing, now) ? standing.cooldownUntil : null;
    };
    const blockedReason = (config: CatalogueConfig): string | null => {
      const standing = standings.get(config.id);
      if (standing === undefined || standing.blockedAt === null || (version !== null && blockLifted(standing, config, version))) return null;
      return standing.blockedReason;
    };
    return { cooldownUntil, blockedReason, isBlocked: (config) => blockedReason(config) !== null };
  }

  /** Configs of `version` cooling down and blocked now (for metrics). */
  counts(version: CatalogueVersion | null): StandingCounts {
    if (version === null) return { coolingDown: 0, blocked: 0 };
    const view = this.view(version);
    let coolingDown = 0;
    let blocked = 0;
    for (const id of this.standings.keys()) {
      const config = version.byId.get(id);
      if (config === undefined) continue;
      if (view.cooldownUntil(config) !== null) coolingDown += 1;
      if (view.isBlocked(config)) blocked += 1;
    }
    return { coolingDown, blocked };
  }

  private put(configId: number, standing: Standing, now: number): void {
    this.standings.set(configId, standing);
    this.generation += 1;
    if (standing.cooldownUntil !== null && standing.cooldownUntil > now) this.nextCooldownEnd = Math.min(this.nextCooldownEnd, standing.cooldownUntil);
  }

  private soonestCooldownEnd(now: number): number {
    let soonest = Number.POSITIVE_INFINITY;
    for (const standing of this.standings.values()) {
      if (standing.cooldownUntil !== null && standing.cooldownUntil > now) soonest = Math.min(soonest, standing.cooldownUntil);
    }
    return soonest;
  }

  /** Forgets standings past their expiry, at most once a minute. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [id, standing] of this.standings) if (standingExpiry(standing) <= now) this.standings.delete(id);
  }
}
