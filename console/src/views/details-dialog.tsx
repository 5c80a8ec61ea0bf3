import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleConfigDetailsDocument } from '../api/gql/graphql';
import { gateReasonText } from '../model/availability';
import { formatPercent, formatScore } from '../model/format';
import { SCORE_PART_LABELS } from '../model/score-parts';
import { Age } from './age';
import { Badges, CapabilityIcons } from './badges';
import { Chart } from './chart';
import { BenchmarkTable, LifeFacts, ModelFacts } from './details-model';
import { Item, type Details } from './details-parts';
import { CostEstimate, FIRST_ESTIMATE, PriceFacts } from './details-prices';

function HealthFacts({ config }: { config: Details }) {
  const { health } = config;
  if (!health) return <p>Not checked yet: live health covers the top 50 premium and top 30 free OpenRouter models.</p>;
  return (
    <dl class="facts">
      <Item term="Health score" field="health-score">{formatScore(health.score)}</Item>
      <Item term="Gated" field="gated">{health.gated ? `yes: ${gateReasonText(health.gateReason).explanation}` : 'no'}</Item>
      <Item term="Best uptime" field="uptime">{formatPercent(health.bestUptimePct)}{health.uptimeWindow ? ` (${health.uptimeWindow})` : ''}</Item>
      <Item term="Freshness" field="freshness">{formatPercent(health.freshnessPct)}{health.freshnessWindow ? ` (${health.freshnessWindow})` : ''}</Item>
      <Item term="Endpoints OK" field="endpoints">{health.okEndpointCount} of {health.endpointCount}</Item>
      <Item term="Checked" field="checked-at"><Age at={health.checkedAt} /> ({health.checkedAt})</Item>
      <Item term="From cache" field="from-cache">{health.fromCache ? 'yes: the latest check failed, these are the last good values' : 'no'}</Item>
    </dl>
  );
}

function ScoreFacts({ config }: { config: Details }) {
  const breakdown = config.scoreBreakdown;
  return (
    <>
      <figure>
        <Chart name="score breakdown" draw={(charts) => charts.scoreBreakdownBars(breakdown)} inputs={[config.id, breakdown]} />
        <figcaption>Static parts stacked (a penalty below zero), then the served score: the static total blended with live health.</figcaption>
      </figure>
      <dl class="facts">
        {SCORE_PART_LABELS.map(([key, label]) => (
          <Item key={key} term={label} field={`score-${key}`}>{breakdown[key]}</Item>
        ))}
        <Item term="Static total" field="score-static-total">{breakdown.staticTotal}</Item>
        <Item term="Health in the blend" field="score-health">{formatScore(breakdown.health)} (weight {breakdown.healthWeight})</Item>
        <Item term="Quality score" field="score-quality">{breakdown.qualityScore}</Item>
      </dl>
    </>
  );
}

function DetailsBody({ config, at, onOpen }: { config: Details; at: string; onOpen: (id: number) => void }) {
  return (
    <>
      <p class="details-id">
        <code>{config.modelName}</code> · id {config.id} <Badges config={config} /> <CapabilityIcons config={config} />
      </p>
      <p>{config.description}</p>
      <section aria-labelledby="details-prices">
        <h3 id="details-prices">Prices (USD)</h3>
        <PriceFacts config={config} />
      </section>
      <section aria-labelledby="details-estimate">
        <h3 id="details-estimate">Cost of a request</h3>
        <CostEstimate config={config} at={at} />
      </section>
      <section aria-labelledby="details-life">
        <h3 id="details-life">Release and retirement</h3>
        <LifeFacts config={config} onOpen={onOpen} />
      </section>
      <section aria-labelledby="details-model">
        <h3 id="details-model">Model</h3>
        <ModelFacts config={config} />
      </section>
      <section aria-labelledby="details-benchmarks">
        <h3 id="details-benchmarks">Benchmarks</h3>
        <BenchmarkTable config={config} />
      </section>
      <section aria-labelledby="details-score">
        <h3 id="details-score">Quality score</h3>
        <ScoreFacts config={config} />
      </section>
      <section aria-labelledby="details-health">
        <h3 id="details-health">Health</h3>
        <HealthFacts config={config} />
      </section>
      <section aria-labelledby="details-params">
        <h3 id="details-params">LiteLLM parameters</h3>
        <p class="note">As configured; credentials are never served.</p>
        <pre data-field="litellm-params">{JSON.stringify(config.litellmParams, null, 2)}</pre>
      </section>
    </>
  );
}

/**
 * The details of one model in a modal dialog (the browser's own: focus stays inside, Escape closes).
 * Focus returns to whatever opened it.
 */
export function DetailsDialog({ id, onOpen, onClose }: { id: number | null; onOpen: (id: number) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [state, setState] = useState<{ id: number; at: string; config: Details | null; error: string | null } | null>(null);

  useEffect(() => {
    if (id === null) return;
    // A closed or replaced dialog ignores its answer (see use-changes.ts for why it is not aborted).
    let current = true;
    // A successor opened from the dialog keeps the element that opened the first one.
    if (!dialog.current?.open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Prices that depend on the time of day are estimated for the minute the panel opened (to the
    // minute, so opening it again soon is answered from the server's cache).
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    setState({ id, at, config: null, error: null });
    if (!dialog.current?.open) dialog.current?.showModal();
    request(ConsoleConfigDetailsDocument, { id, at, ...FIRST_ESTIMATE })
      .then((answer) => current && setState({ id, at, config: answer.llmConfig ?? null, error: answer.llmConfig ? null : `No config has id ${id} in the served catalogue (it may have just been removed).` }))
      .catch((error: unknown) => current && setState({ id, at, config: null, error: error instanceof ApiError ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [id]);

  const closed = () => {
    onClose();
    opener.current?.focus();
  };

  return (
    <dialog class="details" ref={dialog} aria-labelledby="details-title" onClose={closed}>
      <header>
        <h2 id="details-title">{state?.config?.name ?? (state?.error ? 'Model details' : 'Loading…')}</h2>
        <button type="button" class="close" aria-label="Close the details" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      <div class="details-body" aria-busy={state !== null && state.config === null && state.error === null}>
        {state?.error ? <p class="error" role="alert">{state.error}</p> : null}
        {state?.config ? <DetailsBody key={state.id} config={state.config} at={state.at} onOpen={onOpen} /> : null}
      </div>
    </dialog>
  );
}
