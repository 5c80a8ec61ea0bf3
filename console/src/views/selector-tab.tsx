import { useMemo, useState } from 'preact/hooks';
import type { ConsoleStatusFragment, SelectorEntryFragment, Tier } from '../api/gql/graphql';
import { CAPABILITIES } from '../model/capabilities';
import { NO_FILTER, selectorView, type SelectorFilter } from '../model/selector';
import { ModelList } from './model-list';

const TIER_CHOICES: readonly { value: Tier | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'FREE', label: 'Free' },
  { value: 'PREMIUM', label: 'Premium' },
];

function Filters({ filter, onChange }: { filter: SelectorFilter; onChange: (filter: SelectorFilter) => void }) {
  const toggleCapability = (id: string, on: boolean) => onChange({ ...filter, capabilities: on ? [...filter.capabilities, id] : filter.capabilities.filter((other) => other !== id) });
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
        {CAPABILITIES.map((capability) => (
          <label key={capability.id}>
            <input type="checkbox" name="capability" value={capability.id} checked={filter.capabilities.includes(capability.id)} onChange={(event) => toggleCapability(capability.id, event.currentTarget.checked)} />
            {capability.label}
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
  const shownByTier = (tier: Tier) => view.groups.reduce((sum, group) => sum + group.configs.filter((config) => config.tier === tier).length, 0);
  return (
    <div class="selector">
      <h2 class="visually-hidden">Selector preview</h2>
      <Filters filter={filter} onChange={setFilter} />
      <p class="summary" aria-live="polite" id="selector-summary">
        Showing <strong data-field="shown">{view.shown}</strong> of {counts?.total ?? configs.length - 1} models: <span data-field="shown-free">{shownByTier('FREE')}</span> free, <span data-field="shown-premium">{shownByTier('PREMIUM')}</span> premium
        {view.auto ? ', after Auto' : ''}. Authors A–Z, best first within each; prices in USD per million tokens (prompt / completion).
      </p>
      <ModelList view={view} onOpen={onOpen} />
    </div>
  );
}
