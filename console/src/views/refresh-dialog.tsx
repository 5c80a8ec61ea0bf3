import { useEffect, useRef, useState } from 'preact/hooks';
import { adminToken } from '../api/admin-token';
import { ApiError, request } from '../api/client';
import { ConsoleRefreshCatalogueDocument } from '../api/gql/graphql';
import { describeRefreshResult, type RefreshResult, type RejectedRefresh } from '../model/refresh-result';

type Step =
  | { readonly kind: 'ask'; readonly refusal: string | null }
  | { readonly kind: 'running'; readonly force: boolean }
  | { readonly kind: 'result'; readonly result: RefreshResult }
  | { readonly kind: 'confirm-force'; readonly rejected: RejectedRefresh }
  | { readonly kind: 'failed'; readonly message: string };

/** Errors that say the token is wrong (or that admin operations are off): the token is forgotten. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

function TokenForm({ refusal, onRun }: { refusal: string | null; onRun: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [held, setHeld] = useState(adminToken.get() !== null);
  useEffect(() => input.current?.focus(), [refusal, held]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!held) {
      const value = input.current?.value.trim() ?? '';
      if (value === '') return input.current?.focus();
      adminToken.set(value);
      // Read once, then out of the DOM: the token lives only in memory.
      if (input.current) input.current.value = '';
    }
    onRun();
  };
  return (
    <form onSubmit={submit}>
      {refusal ? (
        <p class="error" role="alert" data-field="refresh-refusal">
          Refused: {refusal} The token was not kept.
        </p>
      ) : null}
      {held ? (
        <p>
          Using the admin token given earlier in this tab (kept in memory only).{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              adminToken.forget();
              setHeld(false);
            }}
          >
            Forget it
          </button>
        </p>
      ) : (
        <label class="token">
          <span>Admin token</span>
          <input ref={input} type="password" name="admin-token" autoComplete="off" spellcheck={false} required aria-describedby="token-note" />
          <span id="token-note" class="note">
            Kept in this tab's memory until it closes: never stored, never in the URL.
          </span>
        </label>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          Refresh now
        </button>
      </div>
    </form>
  );
}

/** Asks for the admin token, runs `refreshCatalogue`, and shows its result, with a confirmed force after a guard refusal. */
export function RefreshDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (version: number | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'ask', refusal: null });

  useEffect(() => {
    if (!open || dialog.current?.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setStep({ kind: 'ask', refusal: null });
    dialog.current?.showModal();
  }, [open]);

  const run = async (force: boolean) => {
    const token = adminToken.get();
    if (token === null) return setStep({ kind: 'ask', refusal: null });
    setStep({ kind: 'running', force });
    try {
      const answer = await request(ConsoleRefreshCatalogueDocument, { force }, { token });
      setStep({ kind: 'result', result: answer.refreshCatalogue });
      // A refused or failed refresh changes the last refresh report without a new version (so without
      // an event): read the catalogue again whatever the outcome.
      onDone(answer.refreshCatalogue.__typename === 'RefreshCatalogueSuccess' ? (answer.refreshCatalogue.catalogue.version ?? null) : null);
    } catch (error) {
      if (error instanceof ApiError && error.code !== null && REFUSALS.has(error.code)) {
        adminToken.forget();
        setStep({ kind: 'ask', refusal: error.message });
      } else setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const closed = () => {
    onClose();
    opener.current?.focus();
  };

  return (
    <dialog class="refresh" ref={dialog} aria-labelledby="refresh-title" onClose={closed}>
      <header>
        <h2 id="refresh-title">Refresh the catalogue</h2>
        <button type="button" class="close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      <p class="note">Fetches OpenRouter's model list now and serves it if it passes the guards (admin only).</p>
      {step.kind === 'ask' ? <TokenForm refusal={step.refusal} onRun={() => void run(false)} /> : null}
      <div aria-live="polite">
        {step.kind === 'running' ? <p data-field="refresh-running">{step.force ? 'Forcing the refresh…' : 'Refreshing…'}</p> : null}
        {step.kind === 'failed' ? (
          <p class="error" data-field="refresh-result" data-result="error">
            {step.message}
          </p>
        ) : null}
        {step.kind === 'result' ? (
          <p class={step.result.__typename === 'RefreshCatalogueSuccess' ? 'ok' : 'warn'} data-field="refresh-result" data-result={step.result.__typename}>
            {describeRefreshResult(step.result)}
          </p>
        ) : null}
        {step.kind === 'confirm-force' ? (
          <div class="confirm" role="alertdialog" aria-labelledby="force-question">
            <p id="force-question">
              Serve the fetched list anyway? It has {step.rejected.fetchedCount} OpenRouter configs where {step.rejected.currentCount} are served now, and the {step.rejected.guard} guard refused it.
            </p>
            <div class="actions">
              <button type="button" class="danger" data-action="confirm-force" autoFocus onClick={() => void run(true)}>
                Force the refresh
              </button>
              <button type="button" onClick={() => setStep({ kind: 'ask', refusal: null })}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {step.kind === 'result' || step.kind === 'failed' ? (
        <div class="actions">
          {step.kind === 'result' && step.result.__typename === 'RefreshRejectedError' ? (
            <button type="button" class="danger" data-action="force" onClick={() => step.result.__typename === 'RefreshRejectedError' && setStep({ kind: 'confirm-force', rejected: step.result })}>
              Force…
            </button>
          ) : null}
          <button type="button" data-action="again" onClick={() => setStep({ kind: 'ask', refusal: null })}>
            Refresh again
          </button>
          <button type="button" data-action="close" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
