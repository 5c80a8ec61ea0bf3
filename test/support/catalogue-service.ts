import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { CatalogueService, type CatalogueServiceOptions, type Enricher } from '../../src/catalogue/catalogue-service.js';
import { parseOperatorConfig, type OperatorConfig } from '../../src/config/operator-config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { fetchModels } from '../../src/openrouter/models-client.js';

export const BUNDLED_MODELS = fileURLToPath(new URL('../../assets/openrouter-models.json', import.meta.url));

/** An enricher that changes nothing (for tests about the refresh lifecycle, not health). */
export const noEnrichment: Enricher = async (configs, book) => ({
  configs: [...configs],
  book,
  report: { selected: 0, failures: 0, failRatio: 0, degraded: false, gatedCount: 0, failuresByKind: {}, durationMs: 0 },
});

export interface TestService {
  service: CatalogueService;
  logs: string[];
  logger: Logger;
  dispatcher: Agent;
  close(): Promise<void>;
}

/** A real CatalogueService talking to `baseUrl` through a real undici Agent, with logs collected. */
export function makeService(baseUrl: string, overrides: Partial<CatalogueServiceOptions> & { yaml?: string; operator?: OperatorConfig } = {}): TestService {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const dispatcher = new Agent();
  const operator = overrides.operator ?? parseOperatorConfig(overrides.yaml ?? '', 'test.yaml');
  const service = new CatalogueService({
    operator,
    fetchModels: (signal) => fetchModels({ dispatcher, baseUrl, apiKey: operator.secrets.openRouterApiKey, timeoutMs: 2_000 }, signal),
    enrich: noEnrichment,
    dataDir: null,
    bundledModelsPath: BUNDLED_MODELS,
    logger,
    retryBaseMs: 60_000,
    ...overrides,
  });
  return {
    service,
    logs,
    logger,
    dispatcher,
    close: async () => {
      await service.stop();
      if (!dispatcher.closed) await dispatcher.close();
    },
  };
}
