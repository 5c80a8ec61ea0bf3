import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly render: () => ComponentChildren;
}

/**
 * WAI-ARIA tabs with automatic activation: one tab stop for the tab list, arrow keys (and Home, End)
 * move between tabs. A panel is rendered from its first visit on and kept (hidden) after, so charts
 * and forms keep their state. The selected tab is in the URL fragment, so a link can open it.
 */
export function Tabs({ tabs, label, initial }: { tabs: readonly TabSpec[]; label: string; initial: string }) {
  const [selected, setSelected] = useState(() => (tabs.some((tab) => tab.id === initial) ? initial : tabs[0]!.id));
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([selected]));
  const list = useRef<HTMLDivElement>(null);

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    setVisited((seen) => (seen.has(id) ? seen : new Set([...seen, id])));
    history.replaceState(null, '', `#${id}`);
    if (focus) list.current?.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length]!.id, true);
  };

  return (
    <>
      <div class="tablist" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => select(tab.id, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <section key={tab.id} class="panel" role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} tabIndex={0} hidden={tab.id !== selected}>
          {visited.has(tab.id) ? tab.render() : null}
        </section>
      ))}
    </>
  );
}
