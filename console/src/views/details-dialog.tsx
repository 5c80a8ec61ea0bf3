import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleConfigDetailsDocument, type ConfigSource, type ConsoleConfigDetailsQuery } from '../api/gql/graphql';
import { gateReasonText } from '../model/availability';
import { formatInteger, formatPercent, formatPrice, formatScore } from '../model/format';
import { Age } from './age';
import { Badges, CapabilityIcons } from './badges';
import { Chart } from './chart';
import { SCORE_PART_LABELS } from '../model/score-parts';

type Details = NonNullable<ConsoleConfigDetailsQuery['llmConfig']>;

const SOURCE_TEXT: Record<ConfigSource, string> = { OPENROUTER: "from OpenRouter's model list", OPERATOR_YAML: 'curated in the operator file', AUTO: 'picks a model per conversation' };

/** A term and its value; `field` names the value for tests and styles. */
function Item({ term, field, children }: { term: string; field: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-field={field}>{children}</dd>
    </>
  );
}

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

function DetailsBody({ config }: { config: Details }) {
  return (
    <>
      <p class="details-id">
        <code>{config.modelName}</code> · id {config.id} <Badges config={config} /> <CapabilityIcons config={config} />
      </p>
      <p>{config.description}</p>
      <section aria-labelledby="details-prices">
        <h3 id="details-prices">Prices (USD per million tokens)</h3>
        <dl class="facts">
          <Item term="Prompt" field="price-prompt">{formatPrice(config.pricing.prompt)}</Item>
          <Item term="Completion" field="price-completion">{formatPrice(config.pricing.completion)}</Item>
        </dl>
      </section>
      <section aria-labelledby="details-model">
        <h3 id="details-model">Model</h3>
        <dl class="facts">
          <Item term="Context" field="context">{config.contextLength == null ? 'unknown' : `${formatInteger(config.contextLength)} tokens`}</Item>
          <Item term="Tier" field="tier">{config.tier}</Item>
          <Item term="Provider" field="provider">{config.provider}, {SOURCE_TEXT[config.source]}</Item>
          <Item term="Auto pin tier" field="auto-pin-tier">{config.autoPinTier}</Item>
          <Item term="Router pool" field="router-pool">{config.routerPoolEligible ? 'yes' : 'no'}</Item>
          <Item term="Signed-out users" field="anonymous">{config.anonymousEnabled ? 'allowed' : 'not allowed'}</Item>
          <Item term="Limits" field="limits">{config.rpm == null ? 'no' : formatInteger(config.rpm)} requests/min, {config.tpm == null ? 'no' : formatInteger(config.tpm)} tokens/min</Item>
        </dl>
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
export function DetailsDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [state, setState] = useState<{ id: number; config: Details | null; error: string | null } | null>(null);

  useEffect(() => {
    if (id === null) return;
    // A closed or replaced dialog ignores its answer (see use-changes.ts for why it is not aborted).
    let current = true;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setState({ id, config: null, error: null });
    if (!dialog.current?.open) dialog.current?.showModal();
    request(ConsoleConfigDetailsDocument, { id })
      .then((answer) => current && setState({ id, config: answer.llmConfig ?? null, error: answer.llmConfig ? null : `No config has id ${id} in the served catalogue (it may have just been removed).` }))
      .catch((error: unknown) => current && setState({ id, config: null, error: error instanceof ApiError ? error.message : String(error) }));
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
        {state?.config ? <DetailsBody config={state.config} /> : null}
      </div>
    </dialog>
  );
}
