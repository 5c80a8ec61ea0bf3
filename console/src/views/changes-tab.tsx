import type { ChangeEntryFragment, ConsoleStatusFragment, RefreshOutcome, RefreshTrigger } from '../api/gql/graphql';
import type { LiveState } from '../api/live';
import { CHANGE_KINDS } from '../model/change-kinds';
import { formatInstant } from '../model/format';
import { Age } from './age';
import { ORIGIN_TEXT } from './origin-text';
import { useChanges } from './use-changes';

const OUTCOME_TEXT: Record<RefreshOutcome, string> = {
  ACCEPTED: 'a new version is served',
  REJECTED_BY_GUARD: 'a guard refused the fetched list; the previous catalogue is still served',
  UPSTREAM_UNAVAILABLE: 'OpenRouter could not be used; the previous catalogue is still served',
};

const TRIGGER_TEXT: Record<RefreshTrigger, string> = { ADMIN: 'an admin', RETRY: 'a retry', STARTUP: 'the server starting', TIMER: 'the schedule' };

function Served({ status }: { status: ConsoleStatusFragment }) {
  const report = status.lastRefresh;
  return (
    <div class="status-grid">
      <section aria-labelledby="served-title">
        <h3 id="served-title">Served catalogue</h3>
        <dl class="facts">
          <dt>Version</dt>
          <dd data-field="status-version">{status.version ?? '—'}</dd>
          <dt>Origin</dt>
          <dd data-field="status-origin">{status.origin ? `${status.origin} (${ORIGIN_TEXT[status.origin]})` : '—'}</dd>
          <dt>List fetched</dt>
          <dd data-field="status-age">{status.fetchedAt ? <Age at={status.fetchedAt} /> : 'never (not from a live fetch)'}</dd>
          <dt>Version served since</dt>
          <dd>{formatInstant(status.refreshedAt)}</dd>
          <dt>Health checked</dt>
          <dd>{formatInstant(status.enrichedAt)}</dd>
          <dt>Configs</dt>
          <dd data-field="status-counts">
            {status.counts ? `${status.counts.total}: ${status.counts.free} free, ${status.counts.premium} premium, ${status.counts.gated} gated; ${status.counts.openRouter} from OpenRouter, ${status.counts.operatorYaml} from the operator file` : '—'}
          </dd>
          <dt>Etag</dt>
          <dd>
            <code>{status.etag ?? '—'}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="last-refresh-title">
        <h3 id="last-refresh-title">Last refresh</h3>
        {report ? (
          <dl class="facts">
            <dt>Outcome</dt>
            <dd data-field="refresh-outcome" class={report.outcome === 'ACCEPTED' ? 'ok' : 'warn'}>
              {report.outcome}: {OUTCOME_TEXT[report.outcome]}
            </dd>
            <dt>Started by</dt>
            <dd data-field="refresh-trigger">
              {TRIGGER_TEXT[report.trigger]}
              {report.forced ? ', forced past the guards' : ''}
            </dd>
            <dt>Message</dt>
            <dd data-field="refresh-message">{report.message}</dd>
            <dt>Finished</dt>
            <dd>
              <Age at={report.finishedAt} /> ({formatInstant(report.finishedAt)})
            </dd>
            <dt>Malformed models skipped</dt>
            <dd>{report.malformedCount}</dd>
            <dt>Next attempt</dt>
            <dd>{report.nextAttemptAt ? <Age at={report.nextAttemptAt} future /> : 'none scheduled'}</dd>
          </dl>
        ) : (
          <p>No refresh has been attempted yet.</p>
        )}
      </section>
    </div>
  );
}

function Entry({ change }: { change: ChangeEntryFragment }) {
  const kinds = CHANGE_KINDS.map((kind) => ({ kind, items: kind.items(change) })).filter(({ items }) => items.length > 0);
  return (
    <li class="change" data-version={change.toVersion}>
      <h3>
        Version {change.fromVersion ?? '—'} → {change.toVersion} <Age at={change.at} /> <span class="note">({formatInstant(change.at)})</span>
      </h3>
      {kinds.length === 0 ? <p class="note">No config changed (the health pass or refresh kept every config as it was).</p> : null}
      {kinds.map(({ kind, items }) => (
        <details key={kind.id} class={`change-kind change-${kind.tone}`} data-kind={kind.id}>
          <summary>
            {items.length} {kind.label}
          </summary>
          <ul>
            {items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </details>
      ))}
    </li>
  );
}

/** The served version, the last refresh and the change timeline, kept current by the subscription. */
export function ChangesTab({ status, live }: { status: ConsoleStatusFragment | null; live: LiveState }) {
  const { changes, error } = useChanges(status?.version ?? null);
  if (!status) return <p class="boot">Loading…</p>;
  return (
    <div class="changes">
      <h2 class="visually-hidden">Changes</h2>
      <Served status={status} />
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p class="note">
          Newest first; {live === 'live' ? 'new versions appear here as they are served' : 'live updates are reconnecting: the list may be behind'}.
        </p>
        {error ? (
          <p class="error" role="alert">
            Could not read the changes: {error}
          </p>
        ) : null}
        {changes === null ? (
          <p class="boot">Loading the changes…</p>
        ) : changes.length === 0 ? (
          <p>No change recorded since the server started.</p>
        ) : (
          <ol class="timeline" aria-live="polite">
            {changes.map((change) => (
              <Entry key={`${change.toVersion}-${change.at}`} change={change} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
