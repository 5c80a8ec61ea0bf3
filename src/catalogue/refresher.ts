import { notify, reenrichServed, runPipeline, type Candidate, type PipelineDeps } from './refresh-pipeline.js';
import type { RefreshScheduler } from './refresh-scheduler.js';
import type { CatalogueDiff } from './diff.js';
import { acceptedMessage, type RefreshFailure, type RefreshOptions, type RefreshOutcome, type RefreshReport, type RefreshTrigger } from './refresh-types.js';
import type { ChangeRecording, VersionStore } from './version-store.js';
import { nextVersion, type CatalogueVersion } from './version.js';

export interface RefresherOptions extends PipelineDeps {
  readonly versions: VersionStore;
  readonly scheduler: RefreshScheduler;
  /** Saves what is served now (never rejects: a failed write is logged). */
  readonly persist: () => Promise<void>;
}

/**
 * Carries out refreshes in this process: one at a time however many ask, each through the refresh
 * pipeline; puts an accepted version in place and saves it, reports every attempt, logs a streak of
 * identical failures once, and tells the scheduler when to try again.
 */
export class Refresher {
  private inFlight: Promise<RefreshOutcome> | null = null;
  private inFlightForced = false;
  private failureStreak = 0;
  private lastFailureMessage: string | null = null;
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(private readonly options: RefresherOptions) {}

  /**
   * Runs a refresh, or joins the one in flight: concurrent callers share one upstream fetch. A forced
   * call that joins an unforced refresh which a guard then rejects runs once more, forced, so `force`
   * is never silently lost.
   */
  refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    if (!this.inFlight) return this.start(options);
    if (!options.force || this.inFlightForced) return this.inFlight;
    return this.inFlight.then((outcome) => (outcome.kind === 'rejected-by-guard' && !this.stopped ? this.refresh(options) : outcome));
  }

  /** Aborts the refresh in flight and waits for it to settle (its file write is atomic). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.inFlight?.catch(() => undefined);
  }

  private start(options: RefreshOptions): Promise<RefreshOutcome> {
    this.inFlightForced = options.force ?? false;
    const run = this.run(options).finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  private async run({ force = false, trigger }: RefreshOptions): Promise<RefreshOutcome> {
    const { versions } = this.options;
    const attempt: Attempt = { trigger, forced: force, startedAt: this.options.now() };
    const signal = this.abort.signal;
    const result = await runPipeline(this.options, versions.current(), versions.basis(), force, signal);
    if (result.kind === 'candidate') {
      const version = nextVersion(versions.current(), result.candidate.draft, this.options.now());
      const report = this.settle(attempt, { kind: 'accepted', version }, result.malformedCount);
      const diff = await this.putInPlace(version, result.candidate, 'always', report);
      this.observe(attempt, { kind: 'accepted' });
      return { kind: 'accepted', version, diff, report };
    }
    // When the startup fetch fails, the catalogue being served is still scored with live health.
    const served = versions.current();
    const rescored = result.kind === 'not-fetched' && trigger === 'startup' && served !== null ? await reenrichServed(this.options, served, versions.basis(), signal) : null;
    const rescoredVersion = rescored && nextVersion(versions.current(), rescored.draft, this.options.now());
    const report = this.settle(attempt, result.outcome, result.kind === 'refused' ? result.malformedCount : 0, rescoredVersion);
    if (rescored && rescoredVersion) await this.putInPlace(rescoredVersion, rescored, 'when-changed', report);
    else versions.recordReport(report);
    this.observe(attempt, result.outcome);
    return result.outcome;
  }

  /** Tells the observer once the attempt is over (saved too), so whoever counts it never sees a refresh still in flight. */
  private observe({ trigger, forced, startedAt }: Attempt, outcome: { readonly kind: 'accepted' } | RefreshFailure): void {
    notify(this.options, (observer) => observer.refreshFinished?.({ trigger, forced, outcome, durationMs: this.options.now() - startedAt }));
  }

  /** Puts a version in place with the report of the refresh that made it (so whoever is told sees that report), then saves it. */
  private async putInPlace(version: CatalogueVersion, candidate: Candidate, record: ChangeRecording, report: RefreshReport): Promise<CatalogueDiff> {
    const diff = this.options.versions.publish(version, candidate.basis, { record, report });
    await this.options.persist();
    return diff;
  }

  /** Logs the attempt, plans the next one and makes its report. `serving` is the version served after it (when it is not the current one). */
  private settle({ trigger, forced, startedAt }: Attempt, outcome: { readonly kind: 'accepted'; readonly version: CatalogueVersion } | RefreshFailure, malformedCount: number, serving: CatalogueVersion | null = null): RefreshReport {
    const { logger, versions, scheduler } = this.options;
    if (outcome.kind === 'accepted') {
      if (this.failureStreak > 0) logger.info('catalogue refresh recovered', { afterFailures: this.failureStreak });
      this.failureStreak = 0;
      this.lastFailureMessage = null;
      logger.info('catalogue refreshed', { trigger, forced, version: outcome.version.version, configs: outcome.version.configs.length, malformed: malformedCount });
    } else {
      this.failureStreak += 1;
      // One line per distinct reason: a streak of identical failures is not repeated at warn level.
      const level = outcome.message === this.lastFailureMessage ? 'debug' : 'warn';
      logger[level](`catalogue refresh failed, still serving version ${(serving ?? versions.current())?.version ?? 'none'}: ${outcome.message}`, { trigger, outcome: outcome.kind, attempt: this.failureStreak });
      this.lastFailureMessage = outcome.message;
    }
    scheduler.afterRefresh(outcome, trigger, this.failureStreak);
    return {
      trigger,
      forced,
      startedAt,
      finishedAt: this.options.now(),
      outcome: outcome.kind,
      message: outcome.kind === 'accepted' ? acceptedMessage(outcome.version) : outcome.message,
      malformedCount,
      nextAttemptAt: scheduler.nextAttemptAt(),
    };
  }
}

/** Who asked for a refresh, and when it started. */
interface Attempt {
  readonly trigger: RefreshTrigger;
  readonly forced: boolean;
  readonly startedAt: number;
}
