/**
 * The catalogue every server of the throughput benchmark serves: the bundled 2026-06 OpenRouter list
 * (228 configs), or copies of it enlarged `scale` times with ids renamed (10×: 2,325 configs), with
 * live health folded in by a real enrichment cycle whose `/endpoints` answers are the recorded
 * fixtures (so 80 configs carry health, as in production). Static: no network, no timers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '../../src/catalogue/build.js';
import { runEnrichmentCycle } from '../../src/catalogue/enrichment.js';
import { HealthBook } from '../../src/catalogue/health-book.js';
import { DEFAULT_OUTCOME_SETTINGS } from '../../src/catalogue/outcome-policy.js';
import type { CatalogueApi } from '../../src/catalogue/refresh-types.js';
import { StandingBook } from '../../src/catalogue/standings.js';
import { makeVersion, type CatalogueVersion } from '../../src/catalogue/version.js';
import { parseOperatorConfig } from '../../src/config/operator-config.js';
import { parseModelsBody } from '../../src/openrouter/models-payload.js';

const MODELS = fileURLToPath(new URL('../../assets/openrouter-models.json', import.meta.url));
const ENDPOINTS_DIR = fileURLToPath(new URL('../../test/fixtures/openrouter/endpoints/', import.meta.url));
/** A fixed clock, so every server (and every run) builds byte-identical configs. */
const NOW_MS = 1_795_478_400_000;

/** The model list enlarged `scale` times; copies get distinct ids (and so distinct stable ids). */
export function enlargedModels(scale: number): Buffer {
  const bytes = readFileSync(MODELS);
  if (scale === 1) return bytes;
  const { data } = JSON.parse(bytes.toString('utf8')) as { data: { id: string }[] };
  const models = [];
  for (let copy = 0; copy < scale; copy += 1) {
    for (const model of data) {
      const [base, variant] = model.id.split(':');
      models.push({ ...model, id: copy === 0 ? model.id : `${base}-copy${copy}${variant ? `:${variant}` : ''}` });
    }
  }
  return Buffer.from(JSON.stringify({ data: models }));
}

export async function benchVersion(scale: number): Promise<CatalogueVersion> {
  // max_models lifted so the 100x list could be served whole too; the default (5,000) covers 10x.
  const operator = parseOperatorConfig('openrouter_integration:\n  max_models: 1000000\n', 'bench');
  const built = buildCatalogue(operator, parseModelsBody(enlargedModels(scale)), NOW_MS / 1000);
  const endpoints = readdirSync(ENDPOINTS_DIR)
    .sort()
    .map((name) => (JSON.parse(readFileSync(`${ENDPOINTS_DIR}${name}`, 'utf8')) as { data: { endpoints: unknown[] } }).data.endpoints);
  let next = 0;
  const enriched = await runEnrichmentCycle(built.configs, {
    fetchEndpoints: async () => ({ ok: true, endpoints: endpoints[next++ % endpoints.length]! }),
    book: HealthBook.EMPTY,
    nowMs: () => NOW_MS,
  });
  return makeVersion({ version: 1, etag: 'bench', origin: 'live', createdAt: NOW_MS, fetchedAt: NOW_MS, enrichedAt: NOW_MS, configs: enriched.configs });
}

/** A catalogue that serves one version and never refreshes; outcome reports go to a real standing book (`book`). */
export function staticCatalogue(version: CatalogueVersion): CatalogueApi & { readonly book: StandingBook } {
  const book = new StandingBook(DEFAULT_OUTCOME_SETTINGS, Date.now);
  book.retainOnly(version);
  return {
    book,
    current: () => version,
    lastRefresh: () => null,
    changes: () => [],
    refresh: () => Promise.reject(new Error('the benchmark catalogue does not refresh')),
    onVersion: () => () => {},
    standings: () => book,
    reportOutcome: (configId, report) => book.report(version, configId, report),
  };
}
