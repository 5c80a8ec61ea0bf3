import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/client';
import { ConsoleEstimateCostDocument } from '../api/gql/graphql';
import { formatCost, formatInstant, formatInteger, formatPrice } from '../model/format';
import { discountText, listedPrices, overrideCondition, overridePrices } from '../model/prices';
import { Item, type Details } from './details-parts';

/** The request the estimate starts with: a typical agent turn. */
export const FIRST_ESTIMATE = { promptTokens: 10_000, completionTokens: 1_000, cachedPromptTokens: 0 } as const;

export function PriceFacts({ config }: { config: Details }) {
  const { pricing } = config;
  return (
    <>
      <dl class="facts">
        {listedPrices(pricing).map(({ kind, text, value }) => (
          <Item key={kind} term={`${text.label} (${text.unit})`} field={`price-${kind}`}>
            {formatPrice(value)}
          </Item>
        ))}
        <Item term="Discount" field="price-discount">
          {discountText(pricing.discount)}
        </Item>
      </dl>
      {pricing.overrides.length > 0 ? (
        <table class="overrides">
          <caption>Conditional prices: a later one wins where several apply; prices it does not set stay as above.</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Prices it sets</th>
            </tr>
          </thead>
          <tbody>
            {pricing.overrides.map((override, index) => (
              <tr key={index} data-field="override" data-index={index}>
                <th scope="row" data-field="override-condition">
                  {overrideCondition(override)}
                </th>
                <td data-field="override-prices">{overridePrices(override).map(({ text, value }) => `${text.label} ${formatPrice(value)} ${text.unit}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="note" data-field="no-overrides">No conditional prices.</p>
      )}
      {pricing.overridesComplete ? null : <p class="warn">Some conditional prices could not be read and are left out: the cost estimate is unknown.</p>}
    </>
  );
}

type Counts = { promptTokens: number; completionTokens: number; cachedPromptTokens: number };

const FIELDS: readonly { key: keyof Counts; label: string }[] = [
  { key: 'promptTokens', label: 'Prompt tokens' },
  { key: 'cachedPromptTokens', label: 'of them from the cache' },
  { key: 'completionTokens', label: 'Completion tokens' },
];

/**
 * What one request costs, by the API's `estimateCost` (conditional prices and the discount applied
 * there, at the time the panel was opened): first for FIRST_ESTIMATE, read with the details, then for
 * the token counts typed here.
 */
export function CostEstimate({ config, at }: { config: Details; at: string }) {
  const [counts, setCounts] = useState<Counts>(FIRST_ESTIMATE);
  const [result, setResult] = useState<{ counts: Counts; cost: number | null; error: string | null; busy: boolean }>({ counts: FIRST_ESTIMATE, cost: config.estimateCost ?? null, error: null, busy: false });

  const estimate = (event: Event) => {
    event.preventDefault();
    const asked = counts;
    setResult({ ...result, busy: true });
    request(ConsoleEstimateCostDocument, { id: config.id, ...asked, at })
      .then((answer) => setResult({ counts: asked, cost: answer.llmConfig?.estimateCost ?? null, error: answer.llmConfig ? null : 'This model is no longer served.', busy: false }))
      .catch((error: unknown) => setResult({ counts: asked, cost: null, error: error instanceof ApiError ? error.message : String(error), busy: false }));
  };

  return (
    <form class="estimate" onSubmit={estimate} aria-describedby="estimate-note">
      {FIELDS.map(({ key, label }) => (
        <label key={key}>
          <span>{label}</span>
          <input type="number" name={key} min={0} step={1} max={key === 'cachedPromptTokens' && Number.isFinite(counts.promptTokens) ? counts.promptTokens : undefined} required value={counts[key]} onInput={(event) => setCounts({ ...counts, [key]: event.currentTarget.valueAsNumber })} />
        </label>
      ))}
      <button type="submit" disabled={result.busy}>
        Estimate
      </button>
      <p aria-live="polite">
        {result.error ? (
          <span class="error" data-field="estimate-error">
            {result.error}
          </span>
        ) : (
          <>
            <strong data-field="estimate">{result.cost == null ? 'unknown' : formatCost(result.cost)}</strong> for {formatInteger(result.counts.promptTokens)} prompt tokens ({formatInteger(result.counts.cachedPromptTokens)} from the cache) and{' '}
            {formatInteger(result.counts.completionTokens)} completion tokens
            {result.cost == null ? ': a price it needs is unknown.' : '.'}
          </>
        )}
      </p>
      <p class="note" id="estimate-note">
        By the API's <code>estimateCost</code>, with the conditional prices that apply and the discount, at {formatInstant(at)}.
      </p>
    </form>
  );
}
