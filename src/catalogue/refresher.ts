import { reenrichServed, runPipeline, type Candidate, type PipelineDeps } from './refresh-pipeline.js';
import type { RefreshScheduler } from './refresh-scheduler.js';
import type { RefreshOptions, RefreshOutcome, RefreshReport, RefreshTrigger } from './refresh-types.js';
import type { ChangeRecording, VersionStore } from './version-store.js';
import { nextVersion } from './version.js';

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
    const startedAt = this.options.now();
    const signal = this.abort.signal;
    const served = versions.current();
    const result = await runPipeline(this.options, served, versions.basis(), force, signal);
    if (result.kind === 'not-fetched') {
      // When the startup fetch fails, the catalogue being served is still scored with live health.
      const current = versions.current();
      if (trigger === 'startup' && current !== null) {
        const rescored = await reenrichServed(this.options, current, versions.basis(), signal);
        if (rescored) await this.putInPlace(rescored, 'when-changed');
      }
      return this.finish(trigger, force, startedAt, result.outcome, 0);
    }
    if (result.kind === 'refused') return this.finish(trigger, force, startedAt, result.outcome, result.malformedCount);
    const { version, diff } = await this.putInPlace(result.candidate, 'always');
    return this.finish(trigger, force, startedAt, { kind: 'accepted', version, diff }, result.malformedCount);
  }

  private async putInPlace(candidate: Candidate, record: ChangeRecording): Promise<Extract<RefreshOutcome, { kind: 'accepted' }>> {
    const { versions } = this.options;
    const version = nextVersion(versions.current(), candidate.draft, this.options.now());
    const diff = versions.publish(version, candidate.basis, { record, report: null });
    await this.options.persist();
    return { kind: 'accepted', version, diff };
  }

  private finish(trigger: RefreshTrigger, forced: boolean, startedAt: number, outcome: RefreshOutcome, malformedCount: number): RefreshOutcome {
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
      logger[level](`catalogue refresh failed, still serving version ${versions.current()?.version ?? 'none'}: ${outcome.message}`, { trigger, outcome: outcome.kind, attempt: this.failureStreak });
      this.lastFailureMessage = outcome.message;
    }
    scheduler.afterRefresh(outcome, trigger, this.failureStreak);
    const report: RefreshReport = {
      trigger,
      forced,
      startedAt,
      finishedAt: this.options.now(),
      outcome: outcome.kind,
      message: outcome.kind === 'accepted' ? `accepted version ${outcome.version.version} with ${outcome.version.configs.length} configs` : outcome.message,
      malformedCount,
      nextAttemptAt: scheduler.nextAttemptAt(),
    };
    versions.recordReport(report);
    return outcome;
  }
}
