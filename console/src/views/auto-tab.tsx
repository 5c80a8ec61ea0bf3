import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleAutoPickDocument, type ConsoleAutoPickQuery, type TurnRequirements } from '../api/gql/graphql';
import { AUTO_EXCLUSION_LABELS } from '../model/availability';

type Pick = ConsoleAutoPickQuery['autoPick'];

interface Question {
  readonly threadId: string;
  readonly premiumEligible: boolean;
  readonly excludeIds: readonly number[];
  readonly requirements: TurnRequirements | null;
}

/** The requirement fields of the form, as typed. */
interface RequirementInputs {
  readonly imageInput: boolean;
  readonly tools: boolean;
  readonly reasoning: boolean;
  readonly minContextLength: string;
  readonly maxPromptPrice: string;
}

const NO_INPUTS: RequirementInputs = { imageInput: false, tools: false, reasoning: false, minContextLength: '', maxPromptPrice: '' };

/** The requirements the inputs ask for (null when none), or a message naming the field that is not a number. */
function requirementsOf(inputs: RequirementInputs): TurnRequirements | null | string {
  const minContext = inputs.minContextLength.trim() === '' ? null : Number(inputs.minContextLength);
  if (minContext !== null && !(Number.isInteger(minContext) && minContext >= 0)) return 'The minimum context is a whole number of tokens, 0 or more.';
  const maxPrice = inputs.maxPromptPrice.trim() === '' ? null : Number(inputs.maxPromptPrice);
  if (maxPrice !== null && !(Number.isFinite(maxPrice) && maxPrice >= 0)) return 'The price cap is a number of USD per million prompt tokens, 0 or more.';
  const requirements: TurnRequirements = {
    ...(inputs.imageInput ? { imageInput: true } : {}),
    ...(inputs.tools ? { tools: true } : {}),
    ...(inputs.reasoning ? { reasoning: true } : {}),
    ...(minContext !== null ? { minContextLength: minContext } : {}),
    ...(maxPrice !== null ? { maxPromptPrice: maxPrice } : {}),
  };
  return Object.keys(requirements).length === 0 ? null : requirements;
}

type Answer = { readonly question: Question; readonly pick: Pick } | { readonly question: Question; readonly error: string };

/** `-12, -13` → [-12, -13]; null when a part is not a whole number. */
function parseIds(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids = parts.map(Number);
  return ids.every((id) => Number.isInteger(id)) ? ids : null;
}

/** The groups Auto left out: how many each reason kept out, and what would bring them back. */
function Excluded({ pick }: { pick: Pick }) {
  if (pick.excluded.length === 0) return null;
  return (
    <table class="excluded" data-field="auto-excluded">
      <caption>Left out of {pick.consideredCount} configs (a config left out for several reasons counts under each)</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col">Configs</th>
          <th scope="col">What to do</th>
        </tr>
      </thead>
      <tbody>
        {pick.excluded.map((group) => (
          <tr key={group.reason} data-reason={group.reason}>
            <th scope="row">{AUTO_EXCLUSION_LABELS[group.reason]}</th>
            <td data-field="count">{group.count}</td>
            <td data-field="message">{group.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PickView({ pick, question, onOpen }: { pick: Pick; question: Question; onOpen: (id: number) => void }) {
  const chosen = pick.chosen;
  if (chosen === null || chosen === undefined || pick.index === null || pick.index === undefined) {
    return (
      <div class="auto-result" data-field="auto-result">
        <p data-field="auto-none">No config can serve this turn for thread <code>{question.threadId}</code>.</p>
        <p data-field="auto-reason">{pick.reason}</p>
        <Excluded pick={pick} />
      </div>
    );
  }
  const index = pick.index;
  return (
    <div class="auto-result" data-field="auto-result">
      <p>
        Thread <code>{question.threadId}</code> is pinned to{' '}
        <button type="button" class="link" data-field="auto-chosen" data-id={chosen.id} onClick={() => onOpen(chosen.id)}>
          {chosen.name}
        </button>{' '}
        (<code>{chosen.modelName}</code>): #{index + 1} of a pool of {pick.pool.length}.
      </p>
      <p data-field="auto-reason">{pick.reason}</p>
      <p class="note">
        {pick.candidateCount} of {pick.consideredCount} configs can serve the turn{question.premiumEligible ? '' : ' (premium models left out: the user is not eligible)'}
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
            <tr key={config.id} data-id={config.id} class={position === index ? 'chosen' : undefined} aria-current={position === index ? 'true' : undefined}>
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
      <Excluded pick={pick} />
    </div>
  );
}

/** Which config Auto (Fastest) pins a thread to, from which pool, and why: `autoPick` as a form. */
export function AutoTab({ version, onOpen }: { version: number | null; onOpen: (id: number) => void }) {
  const [threadId, setThreadId] = useState('');
  const [premiumEligible, setPremiumEligible] = useState(false);
  const [exclude, setExclude] = useState('');
  const [inputs, setInputs] = useState<RequirementInputs>(NO_INPUTS);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const excludeIds = parseIds(exclude);
  const requirements = requirementsOf(inputs);
  const set = (change: Partial<RequirementInputs>) => setInputs({ ...inputs, ...change });

  const ask = async (event: Event) => {
    event.preventDefault();
    if (threadId.trim() === '' || excludeIds === null || typeof requirements === 'string') return;
    const question: Question = { threadId: threadId.trim(), premiumEligible, excludeIds, requirements };
    setBusy(true);
    try {
      const result = await request(ConsoleAutoPickDocument, { threadId: question.threadId, premiumEligible, excludeIds: excludeIds.length > 0 ? excludeIds : null, requirements });
      setAnswer({ question, pick: result.autoPick });
    } catch (error) {
      setAnswer({ question, error: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auto">
      <h2>Auto explorer</h2>
      <p class="note">Auto (Fastest) pins each conversation to one of the best models that can serve the turn, by a hash of its thread id; ask which one{version !== null ? `, in version ${version}` : ''}, and what was left out.</p>
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
        <fieldset class="auto-form" data-field="requirements">
          <legend>What the turn needs</legend>
          <label class="inline">
            <input type="checkbox" name="image-input" checked={inputs.imageInput} onChange={(event) => set({ imageInput: event.currentTarget.checked })} />
            Image input
          </label>
          <label class="inline">
            <input type="checkbox" name="tools" checked={inputs.tools} onChange={(event) => set({ tools: event.currentTarget.checked })} />
            Tool calling
          </label>
          <label class="inline">
            <input type="checkbox" name="reasoning" checked={inputs.reasoning} onChange={(event) => set({ reasoning: event.currentTarget.checked })} />
            Reasoning
          </label>
          <label>
            <span>Minimum context (tokens)</span>
            <input type="text" name="min-context" inputMode="numeric" autoComplete="off" placeholder="200000" value={inputs.minContextLength} aria-invalid={typeof requirements === 'string'} onInput={(event) => set({ minContextLength: event.currentTarget.value })} />
          </label>
          <label>
            <span>Price cap (USD / M prompt tokens)</span>
            <input type="text" name="max-prompt-price" inputMode="decimal" autoComplete="off" placeholder="3" value={inputs.maxPromptPrice} aria-invalid={typeof requirements === 'string'} onInput={(event) => set({ maxPromptPrice: event.currentTarget.value })} />
          </label>
          {typeof requirements === 'string' ? (
            <span class="error" role="alert">
              {requirements}
            </span>
          ) : null}
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>
          Pick
        </button>
      </form>
      <div aria-live="polite">
        {answer === null ? null : 'error' in answer ? (
          <p class="error" role="alert">{answer.error}</p>
        ) : (
          <PickView pick={answer.pick} question={answer.question} onOpen={onOpen} />
        )}
      </div>
    </div>
  );
}
