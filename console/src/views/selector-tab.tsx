import { useMemo, useState } from 'preact/hooks';
import type { Capability, ConsoleStatusFragment, Lifecycle, SelectorEntryFragment, Tier } from '../api/gql/graphql';
import { CAPABILITIES, CAPABILITY_ORDER } from '../model/capabilities';
import { LIFECYCLE_ORDER, LIFECYCLES } from '../model/lifecycles';
import { NO_FILTER, selectorView, type SelectorFilter } from '../model/selector';
import { ModelList } from './model-list';

const TIER_CHOICES: readonly { value: Tier | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'FREE', label: 'Free' },
  { value: 'PREMIUM', label: 'Premium' },
];

function Filters({ filter, onChange }: { filter: SelectorFilter; onChange: (filter: SelectorFilter) => void }) {
  const toggleCapability = (capability: Capability, on: boolean) => onChange({ ...filter, capabilities: on ? [...filter.capabilities, capability] : filter.capabilities.filter((other) => other !== capability) });
  // Kept in display order, like the API's own answer to the same filter.
  const toggleLifecycle = (stage: Lifecycle, on: boolean) => onChange({ ...filter, lifecycles: LIFECYCLE_ORDER.filter((other) => (other === stage ? on : filter.lifecycles.includes(other))) });
  return (
    <form class="filters" role="search" aria-label="Filter the models" onSubmit={(event) => event.preventDefault()}>
      <label class="search">
        <span>Search</span>
        <input type="search" name="search" autoComplete="off" spellcheck={false} placeholder="name or model id" maxLength={200} value={filter.search} onInput={(event) => onChange({ ...filter, search: event.currentTarget.value })} />
      </label>
      <fieldset>
        <legend>Tier</legend>
        {TIER_CHOICES.map((choice) => (
          <label key={choice.label}>
            <input type="radio" name="tier" value={choice.value ?? 'ALL'} checked={filter.tier === choice.value} onChange={() => onChange({ ...filter, tier: choice.value })} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Capabilities</legend>
        {CAPABILITY_ORDER.map((capability) => (
          <label key={capability}>
            <input type="checkbox" name="capability" value={capability} checked={filter.capabilities.includes(capability)} onChange={(event) => toggleCapability(capability, event.currentTarget.checked)} />
            {CAPABILITIES[capability].label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Lifecycle</legend>
        {LIFECYCLE_ORDER.map((stage) => (
          <label key={stage} title={LIFECYCLES[stage].explanation}>
            <input type="checkbox" name="lifecycle" value={stage} checked={filter.lifecycles.includes(stage)} onChange={(event) => toggleLifecycle(stage, event.currentTarget.checked)} />
            {LIFECYCLES[stage].label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Health</legend>
        <label>
          <input type="checkbox" name="hide-gated" checked={filter.hideGated} onChange={(event) => onChange({ ...filter, hideGated: event.currentTarget.checked })} />
          Hide gated
        </label>
      </fieldset>
    </form>
  );
}

/** The model list exactly as a selector gets it (Auto first, grouped by author), with filters and counts. */
export function SelectorTab({ configs, counts, onOpen }: { configs: readonly SelectorEntryFragment[] | null; counts: ConsoleStatusFragment['counts'] | null; onOpen: (id: number) => void }) {
  const [filter, setFilter] = useState<SelectorFilter>(NO_FILTER);
  const view = useMemo(() => (configs ? selectorView(configs, filter) : null), [configs, filter]);
  if (!configs || !view) return <p class="boot">Loading the model list…</p>;
  const shownWith = (test: (config: SelectorEntryFragment) => boolean) => view.groups.reduce((sum, group) => sum + group.configs.filter(test).length, 0);
  const shownByTier = (tier: Tier) => shownWith((config) => config.tier === tier);
  const byStage = (stage: Lifecycle) => shownWith((config) => config.lifecycle === stage);
  return (
    <div class="selector">
      <h2 class="visually-hidden">Selector preview</h2>
      <Filters filter={filter} onChange={setFilter} />
      <p class="summary" aria-live="polite" id="selector-summary">
        Showing <strong data-field="shown">{view.shown}</strong> of {counts?.total ?? configs.length - 1} models: <span data-field="shown-free">{shownByTier('FREE')}</span> free, <span data-field="shown-premium">{shownByTier('PREMIUM')}</span> premium
        {view.auto ? ', after Auto' : ''}; {LIFECYCLE_ORDER.map((stage, index) => (
          <span key={stage}>
            {index > 0 ? ', ' : ''}
            <span data-field={`shown-${stage.toLowerCase()}`}>{byStage(stage)}</span> {LIFECYCLES[stage].label.toLowerCase()}
          </span>
        ))}
        . Authors A–Z, best first within each; prices in USD per million tokens (prompt / completion).
      </p>
      <ModelList view={view} onOpen={onOpen} />
    </div>
  );
}
