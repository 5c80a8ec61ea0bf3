import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { buildCatalogue, type BuiltCatalogue } from '../catalogue/build.js';
import { toReferenceConfig } from '../catalogue/reference-shape.js';
import { countConfigs } from '../catalogue/version.js';
import { loadOperatorConfig, OperatorConfigError } from '../config/operator-config.js';
import { EnvError, parseEnv } from '../env.js';
import { UpstreamError } from '../openrouter/http.js';
import { fetchModels } from '../openrouter/models-client.js';
import { parseModelsBody, type ParsedModelsPayload } from '../openrouter/models-payload.js';

const USAGE = 'usage: preview [--models <models.json>] [--config <catalogue.yaml>] [--now <unix seconds>]';

/**
 * Operator preview: prints the configs a model list and YAML would produce, as a JSON array in the
 * original's field names (never with credentials), and one summary line on stderr.
 */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      models: { type: 'string' },
      config: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const nowSeconds = values.now === undefined ? Math.floor(Date.now() / 1000) : Number(values.now);
  if (!Number.isInteger(nowSeconds) || nowSeconds < 0) throw new UsageError(`--now must be a whole number of Unix seconds, got ${JSON.stringify(values.now)}`);

  const env = parseEnv();
  const operator = await loadOperatorConfig(values.config ?? env.CATALOGUE_CONFIG, { apiKeyOverride: env.OPENROUTER_API_KEY });
  for (const warning of operator.warnings) process.stderr.write(`warning: ${warning}\n`);

  const payload = values.models === undefined ? await fetchLive(env.OPENROUTER_BASE_URL, operator.secrets.openRouterApiKey) : await readModelsFile(values.models);
  const built = buildCatalogue(operator, payload, nowSeconds);
  process.stdout.write(`${JSON.stringify(built.configs.map(toReferenceConfig), null, 2)}\n`);
  process.stderr.write(`${summaryLine(built)}\n`);
  return 0;
}

async function readModelsFile(path: string): Promise<ParsedModelsPayload> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read --models ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseModelsBody(bytes, path);
}

async function fetchLive(baseUrl: string, apiKey: string | null): Promise<ParsedModelsPayload> {
  const dispatcher = new Agent();
  try {
    return await fetchModels({ dispatcher, baseUrl, apiKey });
  } finally {
    await dispatcher.close();
  }
}

/** `kept 228 (free 25, premium 203); dropped 109: not-text-only-output 40, ...; malformed 0` */
export function summaryLine({ configs, leftOut }: BuiltCatalogue): string {
  const counts = countConfigs(configs);
  const excluded = Object.entries(leftOut.excluded).filter(([, count]) => (count ?? 0) > 0);
  const droppedTotal = excluded.reduce((sum, [, count]) => sum + (count ?? 0), 0) + leftOut.malformedCount;
  const reasons = [...excluded.map(([reason, count]) => `${reason} ${count}`), `malformed ${leftOut.malformedCount}`].join(', ');
  return `kept ${counts.total} (free ${counts.free}, premium ${counts.premium}; yaml ${counts.operatorYaml}, openrouter ${counts.openRouter}); dropped ${droppedTotal}: ${reasons}`;
}

class UsageError extends Error {}

// `preview ... | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof OperatorConfigError || error instanceof EnvError || error instanceof UpstreamError || error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
