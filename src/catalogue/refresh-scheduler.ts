import type { Logger } from '../logger.js';
import type { RefreshFailure, RefreshTrigger } from './refresh-types.js';

const HOUR_MS = 3_600_000;
/** Each interval is stretched or shrunk by up to this fraction, so replicas and restarts drift apart. */
const INTERVAL_JITTER = 0.1;
/** setTimeout fires at once for delays past 2^31-1 ms (24.8 days); a longer wait refreshes then instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SchedulerOptions {
  /** False when the OpenRouter integration is off: then nothing is scheduled at startup or when switched on. */
  readonly integrationEnabled: boolean;
  /** Hours between background refreshes; 0 turns them off (the startup refresh still runs). */
  readonly intervalHours: number;
  /** Starts a refresh; its outcome comes back through `afterRefresh`. */
  readonly run: (trigger: RefreshTrigger) => Promise<unknown>;
  /** When the served OpenRouter list was fetched (by this replica or the one that shared it), null if never. */
  readonly lastFetchedAt: () => number | null;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly random?: () => number;
  /** First retry delay after a failed scheduled refresh; doubles per attempt. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

/**
 * When this process refreshes on its own: at startup, every interval (with jitter) after a success,
 * and after a failure again with exponential backoff, never sooner than the upstream's Retry-After.
 * It can be switched off while another replica refreshes for everyone.
 */
export class RefreshScheduler {
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private on = true;
  private stopped = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Whether this process schedules refreshes itself. */
  get enabled(): boolean {
    return this.on && !this.stopped;
  }

  /** Unix ms of the next scheduled attempt, null when none is scheduled. */
  nextAttemptAt(): number | null {
    return this.nextAt;
  }

  /** The first refresh, right away. */
  startup(): void {
    if (this.enabled && this.options.integrationEnabled) this.schedule(0, 'startup');
  }

  /**
   * Turns this process's own refreshes on or off. Turned on, the next one is due an interval after
   * the served list was fetched, or at once when it never came from OpenRouter.
   */
  setEnabled(enabled: boolean): void {
    if (this.stopped || enabled === this.on) return;
    this.on = enabled;
    if (!enabled) this.cancel();
    else if (this.options.integrationEnabled) this.schedule(this.untilDueMs(), 'timer');
  }

  /**
   * Plans the next attempt after a refresh ended. Any success restarts the interval; a failure retries
   * with backoff (the `failureStreak`-th in a row), except that a failed admin call leaves the
   * timer's own plan alone.
   */
  afterRefresh(outcome: { readonly kind: 'accepted' } | RefreshFailure, trigger: RefreshTrigger, failureStreak: number): void {
    if (!this.enabled || (outcome.kind !== 'accepted' && trigger === 'admin')) return;
    const intervalMs = this.intervalMs();
    if (outcome.kind === 'accepted') {
      if (intervalMs > 0) this.schedule(intervalMs * (1 - INTERVAL_JITTER + 2 * INTERVAL_JITTER * this.random()), 'timer');
      else this.cancel();
      return;
    }
    const base = this.options.retryBaseMs ?? 30_000;
    const max = Math.min(this.options.retryMaxMs ?? 30 * 60_000, intervalMs > 0 ? intervalMs : Infinity);
    const backoff = Math.min(max, base * 2 ** Math.min(failureStreak - 1, 20)) * (0.75 + 0.5 * this.random());
    const retryAfterMs = outcome.kind === 'upstream-unavailable' && outcome.retryAfterSeconds !== null ? outcome.retryAfterSeconds * 1000 : 0;
    this.schedule(Math.max(backoff, retryAfterMs), 'retry');
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private intervalMs(): number {
    return this.options.intervalHours * HOUR_MS;
  }

  private untilDueMs(): number {
    const fetchedAt = this.options.lastFetchedAt();
    if (fetchedAt === null) return 0;
    if (this.intervalMs() === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, fetchedAt + this.intervalMs() - this.now());
  }

  private schedule(delayMs: number, trigger: RefreshTrigger): void {
    this.cancel();
    if (!Number.isFinite(delayMs)) return;
    const delay = Math.min(delayMs, MAX_TIMER_MS);
    this.nextAt = this.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      void this.options.run(trigger).catch((error: unknown) => this.options.logger.error('scheduled refresh crashed', { error }));
    }, delay);
    // The timer must not keep a process alive that is otherwise done (tests, the preview CLI).
    this.timer.unref();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }
}
