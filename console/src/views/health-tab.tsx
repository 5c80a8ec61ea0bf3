import type { SelectorEntryFragment } from '../api/gql/graphql';
import { gateReasonText } from '../model/availability';
import { formatPercent } from '../model/format';
import { Chart } from './chart';

function GatedTable({ configs, onOpen }: { configs: readonly SelectorEntryFragment[]; onOpen: (id: number) => void }) {
  const gated = configs.filter((config) => config.healthGated);
  if (gated.length === 0) return <p>No model is gated: every checked model has a healthy endpoint.</p>;
  return (
    <table class="gated">
      {/* Endpoints and when they were checked are in each model's details: the list leaves them out to stay cheap (catalogue.graphql). */}
      <caption>{gated.length} gated models, best ranked first; a model's name opens its endpoints and when they were checked</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Tier</th>
          <th scope="col">Reason</th>
          <th scope="col">Best uptime</th>
        </tr>
      </thead>
      <tbody>
        {gated.map((config) => {
          const reason = gateReasonText(config.health?.gateReason);
          return (
            <tr key={config.id} data-id={config.id}>
              <th scope="row">
                <button type="button" class="link" onClick={() => onOpen(config.id)}>
                  {config.name}
                </button>
                <div class="model-id">{config.modelName}</div>
              </th>
              <td>{config.tier}</td>
              <td data-field="reason" data-reason={config.health?.gateReason ?? ''} title={reason.explanation}>
                {reason.label}
              </td>
              <td>{formatPercent(config.health?.bestUptimePct)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** How prices relate to scores, how healthy the checked models are, and which are gated and why. */
export function HealthTab({ configs, onOpen }: { configs: readonly SelectorEntryFragment[] | null; onOpen: (id: number) => void }) {
  if (!configs) return <p class="boot">Loading…</p>;
  const catalogue = configs.filter((config) => config.source !== 'AUTO');
  const checked = catalogue.filter((config) => config.health !== null);
  const scored = checked.filter((config) => config.health?.score != null);
  const unpriced = catalogue.filter((config) => config.pricing.prompt == null || config.pricing.prompt < 0).length;
  const free = catalogue.filter((config) => config.pricing.prompt === 0).length;
  return (
    <div class="health">
      <section aria-labelledby="scatter-title">
        <h2 id="scatter-title">Price and quality</h2>
        <figure>
          <Chart name="price and quality scatter" draw={(charts) => charts.priceQualityScatter(configs)} inputs={[configs]} />
          <figcaption>
            Prompt price (log scale) against quality score for {catalogue.length - unpriced} models, coloured by tier; gated models are crosses. The {free} models with a
            prompt price of 0 sit on the "free" line at the left{unpriced > 0 ? `; ${unpriced} without a known prompt price are not shown` : ''}.
          </figcaption>
        </figure>
      </section>
      <section aria-labelledby="histogram-title">
        <h2 id="histogram-title">Health scores</h2>
        <figure>
          <Chart name="health score histogram" draw={(charts) => charts.healthHistogram(configs)} inputs={[configs]} />
          <figcaption>
            {scored.length} models with a health score; {checked.length - scored.length} checked and gated (no score); {catalogue.length - checked.length} not checked (live health covers the top 50 premium and top 30
            free OpenRouter models).
          </figcaption>
        </figure>
      </section>
      <section aria-labelledby="gated-title">
        <h2 id="gated-title">Gated models</h2>
        <GatedTable configs={catalogue} onOpen={onOpen} />
      </section>
    </div>
  );
}
