import { useState } from 'preact/hooks';
import { AutoTab } from './auto-tab';
import { Age } from './age';
import { ChangesTab } from './changes-tab';
import { DetailsDialog } from './details-dialog';
import { HealthTab } from './health-tab';
import { ORIGIN_TEXT } from './origin-text';
import { RefreshDialog } from './refresh-dialog';
import { SelectorTab } from './selector-tab';
import { Tabs, type TabSpec } from './tabs';
import { useCatalogue, type CatalogueState } from './use-catalogue';

const LIVE_TEXT: Record<CatalogueState['live'], string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

function StatusLine({ catalogue }: { catalogue: CatalogueState }) {
  const { status } = catalogue;
  return (
    <p class="status-line">
      {status?.version != null ? (
        <>
          <span>
            Version <strong data-field="version">{status.version}</strong>
          </span>
          {status.origin ? <span>{ORIGIN_TEXT[status.origin]}</span> : null}
          <span>
            {status.counts?.total ?? 0} configs · list <Age at={status.fetchedAt ?? status.refreshedAt} suffix="old" />
          </span>
        </>
      ) : (
        <span>No catalogue loaded yet</span>
      )}
      <span class={`live live-${catalogue.live}`} role="status" title={catalogue.liveDetail ?? 'Updates arrive through the catalogueUpdated subscription'}>
        {LIVE_TEXT[catalogue.live]}
      </span>
    </p>
  );
}

export function App() {
  const catalogue = useCatalogue();
  const [detailsId, setDetailsId] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const configs = catalogue.data?.llmConfigs ?? null;

  const tabs: TabSpec[] = [
    { id: 'selector', label: 'Selector preview', render: () => <SelectorTab configs={configs} counts={catalogue.data?.catalogue.counts ?? null} onOpen={setDetailsId} /> },
    { id: 'health', label: 'Health and ranking', render: () => <HealthTab configs={configs} onOpen={setDetailsId} /> },
    { id: 'changes', label: 'Changes', render: () => <ChangesTab status={catalogue.status} live={catalogue.live} /> },
    { id: 'auto', label: 'Auto explorer', render: () => <AutoTab version={catalogue.status?.version ?? null} onOpen={setDetailsId} /> },
  ];

  return (
    <>
      <header class="top">
        <h1>llm-catalogue console</h1>
        <StatusLine catalogue={catalogue} />
        <button type="button" class="primary" onClick={() => setRefreshing(true)}>
          Refresh catalogue…
        </button>
      </header>
      {catalogue.error ? (
        <p class="error" role="alert">
          Could not load the catalogue: {catalogue.error}{' '}
          <button type="button" onClick={() => void catalogue.reload()}>
            Try again
          </button>
        </p>
      ) : null}
      <main>
        <Tabs tabs={tabs} label="Console views" initial={location.hash.slice(1)} />
      </main>
      <DetailsDialog id={detailsId} onOpen={setDetailsId} onClose={() => setDetailsId(null)} />
      <RefreshDialog open={refreshing} onClose={() => setRefreshing(false)} onDone={(version) => void catalogue.reload(version)} />
    </>
  );
}
