import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { createCatalogue, type Catalogue, type CatalogueOptions } from '../../src/catalogue/catalogue.js';
import type { Enricher } from '../../src/catalogue/enrichment.js';
import { parseOperatorConfig, type OperatorConfig } from '../../src/config/operator-config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { fetchModels, type FetchedModels } from '../../src/openrouter/models-client.js';

export const BUNDLED_MODELS = fileURLToPath(new URL('../../assets/openrouter-models.json', import.meta.url));

/** An enricher that changes nothing (for tests about the refresh lifecycle, not health). */
export const noEnrichment: Enricher = async (configs, book) => ({
  configs: [...configs],
  book,
  report: { selected: 0, failures: 0, failRatio: 0, degraded: false, gatedCount: 0, failuresByKind: {}, durationMs: 0 },
});

export interface TestCatalogue {
  catalogue: Catalogue;
  logs: string[];
  logger: Logger;
  dispatcher: Agent;
  close(): Promise<void>;
}

export type TestCatalogueOptions = Partial<Omit<CatalogueOptions, 'upstream'>> & {
  yaml?: string;
  operator?: OperatorConfig;
  fetchModels?: (signal: AbortSignal) => Promise<FetchedModels>;
  enrich?: Enricher;
};

/** A real catalogue talking to `baseUrl` through a real undici Agent, with logs collected; no health enrichment unless `enrich` is given. */
export function makeCatalogue(baseUrl: string, { yaml, operator: given, fetchModels: fetch, enrich, ...overrides }: TestCatalogueOptions = {}): TestCatalogue {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const dispatcher = new Agent();
  const operator = given ?? parseOperatorConfig(yaml ?? '', 'test.yaml');
  const catalogue = createCatalogue({
    operator,
    upstream: {
      fetchModels: fetch ?? ((signal) => fetchModels({ dispatcher, baseUrl, apiKey: operator.secrets.openRouterApiKey, timeoutMs: 2_000 }, signal)),
      enrich: enrich ?? noEnrichment,
    },
    dataDir: null,
    bundledModelsPath: BUNDLED_MODELS,
    logger,
    retryBaseMs: 60_000,
    ...overrides,
  });
  return {
    catalogue,
    logs,
    logger,
    dispatcher,
    close: async () => {
      await catalogue.stop();
      if (!dispatcher.closed) await dispatcher.close();
    },
  };
}
