import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SelectorEntryFragment } from '../api/gql/graphql';
import { formatContext, formatInteger, formatPrice } from '../model/format';
import type { SelectorView } from '../model/selector';
import { Badges, CapabilityIcons } from './badges';

/** Marked once, when the first full list is on screen: the console benchmark reads it. */
export const FIRST_RENDER_MARK = 'console:selector-rendered';
let marked = false;

function Row({ config, index, active, onActivate, onOpen }: { config: SelectorEntryFragment; index: number; active: boolean; onActivate: (index: number) => void; onOpen: (id: number) => void }) {
  const isAuto = config.source === 'AUTO';
  return (
    <div
      role="option"
      class={isAuto ? 'model model-auto' : config.lifecycle === 'RETIRED' ? 'model model-retired' : 'model'}
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      data-index={index}
      data-id={config.id}
      data-tier={config.tier}
      data-source={config.source}
      data-lifecycle={config.lifecycle}
      onClick={() => {
        onActivate(index);
        onOpen(config.id);
      }}
    >
      <span class="model-names">
        <span class="model-name">{config.name}</span>
        <span class="model-id">{isAuto ? 'Picks a model for each conversation' : config.modelName}</span>
      </span>
      <Badges config={config} />
      <CapabilityIcons config={config} />
      {isAuto ? (
        <span class="model-price" />
      ) : (
        <span class="model-price" data-field="price" title="USD per million tokens: prompt / completion">
          {formatPrice(config.pricing.prompt)} / {formatPrice(config.pricing.completion)}
        </span>
      )}
      <span class="model-context" data-field="context" title={config.contextLength == null ? 'Context window unknown' : `${formatInteger(config.contextLength)} tokens of context`}>
        {isAuto ? '' : `${formatContext(config.contextLength)} ctx`}
      </span>
      <span class="model-score" title="Quality score (0–100)">
        {isAuto ? '' : config.qualityScore}
      </span>
    </div>
  );
}

const PAGE = 10;

const authorId = (key: string) => `author-${key.replace(/[^a-z0-9_-]/g, '_')}`;

/**
 * The models as a listbox: one tab stop, arrow keys, Home/End and Page Up/Down move, Enter or Space
 * opens the details; a click does both.
 */
export function ModelList({ view, onOpen }: { view: SelectorView; onOpen: (id: number) => void }) {
  const flat = [...(view.auto ? [view.auto] : []), ...view.groups.flatMap((group) => group.configs)];
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const current = Math.min(active, Math.max(0, flat.length - 1));

  useLayoutEffect(() => {
    if (flat.length <= 1 || marked) return;
    marked = true;
    // The frame after the next one: the list has been laid out and painted.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(FIRST_RENDER_MARK)));
  });

  const move = (index: number) => {
    const next = Math.max(0, Math.min(flat.length - 1, index));
    setActive(next);
    const row = list.current?.querySelector<HTMLElement>(`[data-index="${next}"]`);
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: flat.length - 1, PageDown: current + PAGE, PageUp: current - PAGE }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && flat[current]) {
      event.preventDefault();
      onOpen(flat[current].id);
    }
  };

  if (flat.length === 0) return <p class="empty">No model matches these filters.</p>;
  let index = view.auto ? 1 : 0;
  return (
    <div class="model-table">
    {/* Column names for sighted users; each row's cells carry their own words for assistive technology. */}
    <div class="model model-head" aria-hidden="true">
      <span>Model</span>
      <span />
      <span>Capabilities</span>
      <span>Price / M tokens</span>
      <span>Context</span>
      <span>Score</span>
    </div>
    <div class="model-list" role="listbox" aria-label="Models" aria-describedby="selector-summary" ref={list} onKeyDown={onKeyDown}>
      {view.auto ? <Row config={view.auto} index={0} active={current === 0} onActivate={setActive} onOpen={onOpen} /> : null}
      {view.groups.map((group) => (
        <div key={group.author.key} role="group" class="author-group" data-author={group.author.key} aria-labelledby={authorId(group.author.key)}>
          <div class="author" id={authorId(group.author.key)} role="presentation">
            {group.author.name} <span class="author-count">{group.configs.length}</span>
          </div>
          {group.configs.map((config) => {
            const at = index++;
            return <Row key={config.id} config={config} index={at} active={current === at} onActivate={setActive} onOpen={onOpen} />;
          })}
        </div>
      ))}
    </div>
    </div>
  );
}
