/**
 * What one outcome report does to a config's standing: pure rules, no clock of their own, no storage.
 * The chat backend reports how a call to a model went; a rate limit or an outage puts the model on a
 * cooldown that grows while it keeps failing, and a model the provider keeps calling unknown (or
 * refusing every request to) is blocked until OpenRouter's list is fetched again and still lists it.
 */

export type ModelOutcome = 'ok' | 'rate-limited' | 'unavailable' | 'not-found' | 'bad-request';

/** The chat backend's rejections that block a model when they repeat. */
export type Rejection = 'not-found' | 'bad-request';

export interface OutcomeSettings {
  /** Cooldown after a first failure when the report gives no Retry-After (`COOLDOWN_SECONDS`, default 600). */
  readonly cooldownSeconds: number;
  /** No cooldown is longer, whatever Retry-After or the back-off say (`COOLDOWN_MAX_SECONDS`, default 3600). */
  readonly maxCooldownSeconds: number;
}

export const DEFAULT_OUTCOME_SETTINGS: OutcomeSettings = Object.freeze({ cooldownSeconds: 600, maxCooldownSeconds: 3600 });

/** The longest Retry-After a report may carry (one day); more is a mistake, not a wait. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;
/** A failure more than this after the last cooldown ended starts the back-off again. */
export const STRIKE_MEMORY_MS = 3_600_000;
/** Rejections are counted over this window... */
export const REJECTION_WINDOW_MS = 3_600_000;
/** ...when at least this far apart: a burst of retries, or several threads failing at once, is one incident. */
export const REJECTION_GAP_MS = 60_000;
/** Incidents within the window that block a model. */
export const REJECTIONS_TO_BLOCK = 3;
/** A block nobody lifted (no accepted refresh for this long) is forgotten. */
export const BLOCK_MEMORY_MS = 30 * 86_400_000;

/** What reports taught about one config. Immutable; every change makes a new one. */
export interface Standing {
  /** Unix ms the cooldown ends (a whole second); null when none was set or it was cleared. */
  readonly cooldownUntil: number | null;
  /** Cooldowns in a row: the next one lasts base × 2^strikes. */
  readonly strikes: number;
  /** Unix ms of the incidents counted towards a block, oldest first (at most REJECTIONS_TO_BLOCK, within REJECTION_WINDOW_MS). */
  readonly rejections: readonly { readonly at: number; readonly outcome: Rejection }[];
  /** Unix ms the config was blocked; null when it is not. */
  readonly blockedAt: number | null;
  readonly blockedReason: string | null;
  /** Unix ms of the report that made this standing: of two standings for a config, the later one wins. */
  readonly updatedAt: number;
}

/** What a report changed, for the caller and the logs. */
export type OutcomeEffect = 'cooldown-started' | 'cooldown-extended' | 'cooldown-cleared' | 'rejection-counted' | 'blocked' | 'unchanged';

export interface OutcomeReport {
  readonly outcome: ModelOutcome;
  /** The provider's Retry-After, in seconds (0 to MAX_RETRY_AFTER_SECONDS); null when it gave none. */
  readonly retryAfterSeconds: number | null;
}

export interface OutcomeStep {
  readonly standing: Standing;
  readonly effect: OutcomeEffect;
  /** One sentence: what the report did. */
  readonly message: string;
}

export const EMPTY_STANDING: Standing = Object.freeze({ cooldownUntil: null, strikes: 0, rejections: Object.freeze([]), blockedAt: null, blockedReason: null, updatedAt: 0 });

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * How long the cooldown of the `strike`-th failure in a row lasts, in seconds: the Retry-After given
 * (else the default), doubled for each earlier failure in the row, capped. Defaults: 600, 1200, 2400,
 * then 3600 s for every further one.
 */
export function cooldownSeconds(strike: number, retryAfterSeconds: number | null, settings: OutcomeSettings): number {
  const base = retryAfterSeconds ?? settings.cooldownSeconds;
  return Math.max(1, Math.min(settings.maxCooldownSeconds, base * 2 ** Math.max(0, strike - 1)));
}

/** Whether the config is cooling down at `now`. */
export function isCoolingDown(standing: Standing, now: number): boolean {
  return standing.cooldownUntil !== null && standing.cooldownUntil > now;
}

/** Applies one report made at `now` (Unix ms). */
export function applyOutcome(previous: Standing, report: OutcomeReport, now: number, settings: OutcomeSettings): OutcomeStep {
  switch (report.outcome) {
    case 'ok':
      return succeeded(previous, now);
    case 'rate-limited':
    case 'unavailable':
      return failed(previous, report.retryAfterSeconds, now, settings);
    case 'not-found':
    case 'bad-request':
      return rejected(previous, report.outcome, now);
  }
}

function succeeded(previous: Standing, now: number): OutcomeStep {
  const cooling = isCoolingDown(previous, now);
  if (!cooling && previous.strikes === 0 && previous.rejections.length === 0) return { standing: previous, effect: 'unchanged', message: 'nothing to clear' };
  // A block stays: only a fresh list from OpenRouter lifts it (the model may answer some requests and not others).
  const standing: Standing = { ...previous, cooldownUntil: null, strikes: 0, rejections: [], updatedAt: now };
  return { standing, effect: cooling ? 'cooldown-cleared' : 'unchanged', message: cooling ? 'cooldown cleared' : 'failure history forgotten' };
}

function failed(previous: Standing, retryAfterSeconds: number | null, now: number, settings: OutcomeSettings): OutcomeStep {
  if (isCoolingDown(previous, now)) {
    // The same incident (threads that were already calling it): it may lengthen the cooldown, never count twice.
    const until = wholeSecondAfter(now, cooldownSeconds(previous.strikes, retryAfterSeconds, settings));
    if (until <= previous.cooldownUntil!) return { standing: previous, effect: 'unchanged', message: `already cooling down until ${iso(previous.cooldownUntil!)}` };
    return { standing: { ...previous, cooldownUntil: until, updatedAt: now }, effect: 'cooldown-extended', message: `cooling down until ${iso(until)}` };
  }
  const forgotten = previous.cooldownUntil === null || now - previous.cooldownUntil > STRIKE_MEMORY_MS;
  const strikes = (forgotten ? 0 : previous.strikes) + 1;
  const seconds = cooldownSeconds(strikes, retryAfterSeconds, settings);
  const until = wholeSecondAfter(now, seconds);
  return {
    standing: { ...previous, cooldownUntil: until, strikes, updatedAt: now },
    effect: 'cooldown-started',
    message: `cooling down for ${seconds} s, until ${iso(until)} (failure ${strikes} in a row)`,
  };
}

function rejected(previous: Standing, outcome: Rejection, now: number): OutcomeStep {
  if (previous.blockedAt !== null) return { standing: previous, effect: 'unchanged', message: 'already blocked' };
  const recent = previous.rejections.filter((rejection) => now - rejection.at < REJECTION_WINDOW_MS);
  const last = recent.at(-1);
  if (last !== undefined && now - last.at < REJECTION_GAP_MS) {
    return { standing: previous, effect: 'unchanged', message: `counted once with the report at ${iso(last.at)} (reports less than ${REJECTION_GAP_MS / 1000} s apart are one incident)` };
  }
  const rejections = [...recent, { at: now, outcome }];
  if (rejections.length < REJECTIONS_TO_BLOCK) {
    return { standing: { ...previous, rejections, updatedAt: now }, effect: 'rejection-counted', message: `incident ${rejections.length} of ${REJECTIONS_TO_BLOCK} within an hour` };
  }
  const blockedReason = `${REJECTIONS_TO_BLOCK} reports within an hour (${rejections.map((r) => `${r.outcome === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST'} at ${iso(r.at)}`).join(', ')}): blocked until an accepted refresh lists the model again`;
  return { standing: { ...previous, rejections, blockedAt: now, blockedReason, updatedAt: now }, effect: 'blocked', message: blockedReason };
}

/** The standing without its block (an accepted refresh listed the model again after it was blocked). */
export function unblocked(standing: Standing): Standing {
  return { ...standing, blockedAt: null, blockedReason: null, rejections: [] };
}

/** Unix ms until which a standing still matters; after it, it can be forgotten (and its Redis key expires). */
export function standingExpiry(standing: Standing): number {
  let until = standing.updatedAt + STRIKE_MEMORY_MS;
  if (standing.cooldownUntil !== null) until = Math.max(until, standing.cooldownUntil + STRIKE_MEMORY_MS);
  const lastRejection = standing.rejections.at(-1);
  if (lastRejection) until = Math.max(until, lastRejection.at + REJECTION_WINDOW_MS);
  if (standing.blockedAt !== null) until = Math.max(until, standing.blockedAt + BLOCK_MEMORY_MS);
  return until;
}

/** Rounds `now + seconds` up to a whole second, so repeated reports within a second change nothing. */
function wholeSecondAfter(now: number, seconds: number): number {
  return Math.ceil((now + seconds * 1000) / 1000) * 1000;
}
