import type { Dispatcher } from 'undici';
import { fetchModelEndpoints } from '../openrouter/endpoints-client.js';
import { fetchModels } from '../openrouter/models-client.js';
import type { CatalogueUpstream } from './catalogue.js';
import { runEnrichmentCycle } from './enrichment.js';

export interface OpenRouterAccess {
  /** The one undici dispatcher every outbound request goes through. */
  readonly dispatcher: Dispatcher;
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer`; never logged. */
  readonly apiKey: string | null;
}

/** The catalogue's upstream calls made with OpenRouter's clients: the model list, and `/endpoints` for health. */
export function openRouterUpstream({ dispatcher, baseUrl, apiKey }: OpenRouterAccess): CatalogueUpstream {
  return {
    fetchModels: (signal) => fetchModels({ dispatcher, baseUrl, apiKey }, signal),
    enrich: (configs, book, signal) =>
      runEnrichmentCycle(configs, {
        book,
        signal,
        fetchEndpoints: (modelId, fetchSignal) => fetchModelEndpoints(modelId, { dispatcher, baseUrl, apiKey, ...(fetchSignal ? { signal: fetchSignal } : {}) }),
      }),
  };
}
