import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleAutoPickDocument, type ConsoleAutoPickQuery } from '../api/gql/graphql';

type Pick = NonNullable<ConsoleAutoPickQuery['autoPick']>;

interface Question {
  readonly threadId: string;
  readonly premiumEligible: boolean;
  readonly excludeIds: readonly number[];
}

type Answer = { readonly question: Question; readonly pick: Pick | null } | { readonly question: Question; readonly error: string };

/** `-12, -13` → [-12, -13]; null when a part is not a whole number. */
function parseIds(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids = parts.map(Number);
  return ids.every((id) => Number.isInteger(id)) ? ids : null;
}

function PickView({ pick, question, onOpen }: { pick: Pick; question: Question; onOpen: (id: number) => void }) {
  return (
    <div class="auto-result" data-field="auto-result">
      <p>
        Thread <code>{question.threadId}</code> is pinned to{' '}
        <button type="button" class="link" data-field="auto-chosen" data-id={pick.chosen.id} onClick={() => onOpen(pick.chosen.id)}>
          {pick.chosen.name}
        </button>{' '}
        (<code>{pick.chosen.modelName}</code>): #{pick.index + 1} of a pool of {pick.pool.length}.
      </p>
      <p data-field="auto-reason">{pick.reason}</p>
      <p class="note">
        {pick.candidateCount} usable candidates{question.premiumEligible ? '' : ' (premium models left out: the user is not eligible)'}
        {pick.tierLocked ? '; operator-curated (tier A) candidates exist, so only they were considered' : ''}
        {question.excludeIds.length > 0 ? `; excluded: ${question.excludeIds.join(', ')}` : ''}.
      </p>
      <table class="pool">
        <caption>The pool, best first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Model</th>
            <th scope="col">Tier</th>
            <th scope="col">Pin tier</th>
            <th scope="col">Quality score</th>
          </tr>
        </thead>
        <tbody>
          {pick.pool.map((config, position) => (
            <tr key={config.id} data-id={config.id} class={position === pick.index ? 'chosen' : undefined} aria-current={position === pick.index ? 'true' : undefined}>
              <td>{position + 1}</td>
              <th scope="row">
                <button type="button" class="link" onClick={() => onOpen(config.id)}>
                  {config.name}
                </button>
                <div class="model-id">{config.modelName}</div>
              </th>
              <td>{config.tier}</td>
              <td>{config.autoPinTier}</td>
              <td>{config.qualityScore}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which config Auto (Fastest) pins a thread to, from which pool, and why: `autoPick` as a form. */
export function AutoTab({ version, onOpen }: { version: number | null; onOpen: (id: number) => void }) {
  const [threadId, setThreadId] = useState('');
  const [premiumEligible, setPremiumEligible] = useState(false);
  const [exclude, setExclude] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const excludeIds = parseIds(exclude);

  const ask = async (event: Event) => {
    event.preventDefault();
    if (threadId.trim() === '' || excludeIds === null) return;
    const question: Question = { threadId: threadId.trim(), premiumEligible, excludeIds };
    setBusy(true);
    try {
      const result = await request(ConsoleAutoPickDocument, { threadId: question.threadId, premiumEligible, excludeIds: excludeIds.length > 0 ? excludeIds : null });
      setAnswer({ question, pick: result.autoPick ?? null });
    } catch (error) {
      setAnswer({ question, error: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auto">
      <h2>Auto explorer</h2>
      <p class="note">Auto (Fastest) pins each conversation to one of the best usable models by a hash of its thread id; ask which one{version !== null ? `, in version ${version}` : ''}.</p>
      <form class="auto-form" onSubmit={(event) => void ask(event)}>
        <label>
          <span>Thread id</span>
          <input type="text" name="thread-id" required autoComplete="off" spellcheck={false} maxLength={200} value={threadId} onInput={(event) => setThreadId(event.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => setThreadId(crypto.randomUUID())}>
          Random id
        </button>
        <label class="inline">
          <input type="checkbox" name="premium-eligible" checked={premiumEligible} onChange={(event) => setPremiumEligible(event.currentTarget.checked)} />
          Premium eligible
        </label>
        <label>
          <span>Exclude ids (optional)</span>
          <input type="text" name="exclude-ids" inputMode="numeric" autoComplete="off" placeholder="-123, -456" value={exclude} aria-invalid={excludeIds === null} aria-describedby="exclude-note" onInput={(event) => setExclude(event.currentTarget.value)} />
        </label>
        <span id="exclude-note" class={excludeIds === null ? 'error' : 'note'}>
          {excludeIds === null ? 'Ids are whole numbers, separated by commas.' : 'Configs to leave out, as a chat backend does after a failure.'}
        </span>
        <button type="submit" class="primary" disabled={busy}>
          Pick
        </button>
      </form>
      <div aria-live="polite">
        {answer === null ? null : 'error' in answer ? (
          <p class="error" role="alert">{answer.error}</p>
        ) : answer.pick === null ? (
          <p data-field="auto-result">No config is usable for this thread: every candidate is gated, excluded, without a credential, or premium for a user who is not eligible.</p>
        ) : (
          <PickView pick={answer.pick} question={answer.question} onOpen={onOpen} />
        )}
      </div>
    </div>
  );
}
