import type { z } from 'zod';
import { FileReadError, readRegularFile } from '../input/regular-file.js';
import { isServedInt, SERVED_INT_MAX, SERVED_INT_MIN } from '../input/served-range.js';
import { formatZodError } from '../input/zod-issues.js';
import { withoutCredentials } from './credential-params.js';
import { DEFAULT_OPENROUTER_SETTINGS, type OpenRouterSettings } from './openrouter-settings.js';
import { fileSchema, MAX_MODELS_LIMIT, type staticConfigSchema } from './operator-schema.js';
import { MAX_OPERATOR_FILE_BYTES, parseYaml, YamlProblems } from './yaml-document.js';

/**
 * The operator's YAML, in the original's file shape: a `global_llm_configs` list of curated
 * models and an `openrouter_integration` block (schema in operator-schema.ts), validated into plain
 * settings. Making and scoring configs from them is the catalogue's job (src/catalogue/config-factory.ts).
 */

/**
 * One `global_llm_configs` entry, validated and defaulted, with the file's key names. Its
 * `litellm_params` hold no credential-like entry, and of its `api_key` only whether one is set.
 */
export type CuratedModel = Readonly<Omit<z.infer<typeof staticConfigSchema>, 'api_key'>> & { readonly api_key_set: boolean };

/**
 * The lowest `id_offset` accepted. Generated ids go down from it by less than 9,000,000 (the width of
 * the stable-id hash) plus one per id collision (at most one per kept model, so at most
 * MAX_MODELS_LIMIT), and must stay 32-bit Ints. A test holds this against the id generator's constants.
 */
export const MIN_ID_OFFSET = SERVED_INT_MIN + 9_000_000 + MAX_MODELS_LIMIT;

/** Secrets read from the YAML and environment. Kept apart from everything that is served or logged. */
export interface Secrets {
  readonly openRouterApiKey: string | null;
  /**
   * The complete `litellm_params` of each operator config that had credential-like entries, by config
   * id, for server-side code that calls the provider. Served configs carry them without those entries.
   */
  readonly litellmParamsById: ReadonlyMap<number, Readonly<Record<string, unknown>>>;
  /** The complete `openrouter_integration.litellm_params` when it had credential-like entries, else null. */
  readonly openRouterLitellmParams: Readonly<Record<string, unknown>> | null;
  /** Every credential string of the file (curated `api_key`s, credential-like params): for the logger to scrub, never to use. */
  readonly credentialStrings: readonly string[];
}

export interface OperatorConfig {
  readonly openRouter: OpenRouterSettings;
  /** Operator-curated models, in file order. */
  readonly curatedModels: readonly CuratedModel[];
  readonly secrets: Secrets;
  /** Non-fatal problems (deprecated keys, duplicate SEO slugs) to log at startup. */
  readonly warnings: readonly string[];
}

/** An operator file that cannot be used. `problems` has one line per problem, each with its path. */
export class OperatorConfigError extends Error {
  override readonly name = 'OperatorConfigError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface LoadOptions {
  /** `OPENROUTER_API_KEY` from the environment; overrides the YAML key when set. */
  readonly apiKeyOverride?: string | undefined;
  /** `REFRESH_INTERVAL_HOURS` from the environment; overrides the YAML value when set. */
  readonly refreshIntervalHoursOverride?: number | undefined;
}

/**
 * Reads and validates the operator file; with no path, every default applies and OpenRouter is on.
 * Only a regular file of at most MAX_OPERATOR_FILE_BYTES is read (a FIFO or /dev/zero would hang startup).
 */
export async function loadOperatorConfig(path: string | undefined, options: LoadOptions = {}): Promise<OperatorConfig> {
  if (path === undefined) return parseOperatorConfig('', '(no config file)', options);
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(path, MAX_OPERATOR_FILE_BYTES);
  } catch (error) {
    throw new OperatorConfigError(path, [`cannot read the file: ${error instanceof FileReadError ? error.reason : String(error)}`]);
  }
  if (bytes === null) throw new OperatorConfigError(path, ['cannot read the file: ENOENT (no such file)']);
  return parseOperatorConfig(bytes.toString('utf8'), path, options);
}

/** Parses operator YAML text. `source` names the file in error messages. */
export function parseOperatorConfig(text: string, source: string, options: LoadOptions = {}): OperatorConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    if (error instanceof YamlProblems) throw new OperatorConfigError(source, error.problems);
    throw new OperatorConfigError(source, [`cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new OperatorConfigError(source, formatZodError(parsed.error, raw));

  const warnings: string[] = [];
  const problems: string[] = [];
  const block = parsed.data.openrouter_integration ?? {};
  if (block.billing_tier !== undefined) {
    warnings.push('openrouter_integration.billing_tier is deprecated and ignored: each model is classified free or premium from its OpenRouter pricing');
  }
  if (block.anonymous_enabled !== undefined) {
    warnings.push('openrouter_integration.anonymous_enabled is deprecated: use anonymous_enabled_paid and anonymous_enabled_free');
  }
  const apiKey = nonEmpty(options.apiKeyOverride) ?? nonEmpty(block.api_key);
  const hiddenPaths: string[] = [];
  // The original treats a null block as "no params" (`settings.get("litellm_params") or {}`).
  const openRouterParams = block.litellm_params ?? {};
  const openRouterSplit = withoutCredentials(openRouterParams, 'openrouter_integration.litellm_params');
  hiddenPaths.push(...openRouterSplit.hiddenPaths);
  const defaults = DEFAULT_OPENROUTER_SETTINGS;
  const openRouter: OpenRouterSettings = Object.freeze({
    enabled: block.enabled ?? defaults.enabled,
    idOffset: block.id_offset ?? defaults.idOffset,
    seoEnabled: block.seo_enabled ?? defaults.seoEnabled,
    quotaReserveTokens: block.quota_reserve_tokens ?? defaults.quotaReserveTokens,
    rpm: block.rpm ?? defaults.rpm,
    tpm: block.tpm ?? defaults.tpm,
    freeRpm: block.free_rpm ?? defaults.freeRpm,
    freeTpm: block.free_tpm ?? defaults.freeTpm,
    anonymousEnabledPaid: block.anonymous_enabled_paid ?? block.anonymous_enabled ?? defaults.anonymousEnabledPaid,
    anonymousEnabledFree: block.anonymous_enabled_free ?? block.anonymous_enabled ?? defaults.anonymousEnabledFree,
    litellmParams: Object.freeze(openRouterSplit.served),
    systemInstructions: block.system_instructions ?? defaults.systemInstructions,
    useDefaultSystemInstructions: block.use_default_system_instructions ?? defaults.useDefaultSystemInstructions,
    citationsEnabled: block.citations_enabled ?? defaults.citationsEnabled,
    hasApiKey: apiKey !== null,
    refreshIntervalHours: options.refreshIntervalHoursOverride ?? block.refresh_interval_hours ?? defaults.refreshIntervalHours,
    maxShrinkFraction: block.max_shrink_fraction ?? defaults.maxShrinkFraction,
    maxMalformedFraction: block.max_malformed_fraction ?? defaults.maxMalformedFraction,
    maxGrowthFactor: block.max_growth_factor ?? defaults.maxGrowthFactor,
    maxModels: block.max_models ?? defaults.maxModels,
    maxStringLength: block.max_string_length ?? defaults.maxStringLength,
    maxSnapshotMib: block.max_snapshot_mib ?? defaults.maxSnapshotMib,
    newModelDays: block.new_model_days ?? defaults.newModelDays,
    expiringDays: block.expiring_days ?? defaults.expiringDays,
    retirementGraceDays: block.retirement_grace_days ?? defaults.retirementGraceDays,
  });

  if (block.id_offset !== undefined && (block.id_offset < MIN_ID_OFFSET || block.id_offset > -1)) {
    problems.push(`openrouter_integration.id_offset: must be from ${MIN_ID_OFFSET} to -1, so every generated id is a negative 32-bit integer; got ${block.id_offset}`);
  }

  const entries = parsed.data.global_llm_configs ?? [];
  const seenIds = new Map<number, number>();
  const seenSlugs = new Map<string, number>();
  entries.forEach((entry, index) => {
    const where = `global_llm_configs[${index}].id`;
    if (entry.id === 0) problems.push(`${where}: 0 is reserved for Auto (Fastest)`);
    else if (entry.id > 0) problems.push(`${where}: must be negative (positive ids belong to user-created configs), got ${entry.id}`);
    const firstIndex = seenIds.get(entry.id);
    if (firstIndex !== undefined) problems.push(`${where}: duplicate id ${entry.id}, already used by global_llm_configs[${firstIndex}]`);
    else seenIds.set(entry.id, index);
    for (const [key, servedAs] of [['max_input_tokens', 'the context length'], ['max_output_tokens', 'maxCompletionTokens']] as const) {
      const tokens = entry.litellm_params[key];
      if (typeof tokens === 'number' && !(isServedInt(tokens) && tokens >= 0)) {
        problems.push(`global_llm_configs[${index}].litellm_params.${key}: must be a whole number of tokens from 0 to ${SERVED_INT_MAX} (it is served as ${servedAs})`);
      }
    }
    if (entry.seo_slug !== null) {
      const slugIndex = seenSlugs.get(entry.seo_slug);
      if (slugIndex !== undefined) warnings.push(`global_llm_configs[${index}].seo_slug: "${entry.seo_slug}" is also used by global_llm_configs[${slugIndex}]`);
      else seenSlugs.set(entry.seo_slug, index);
    }
  });
  if (problems.length > 0) throw new OperatorConfigError(source, problems);

  const litellmParamsById = new Map<number, Readonly<Record<string, unknown>>>();
  const credentialStrings: string[] = [...openRouterSplit.hiddenStrings];
  const curatedModels = entries.map(({ api_key: apiKey, ...entry }, index): CuratedModel => {
    const split = withoutCredentials(entry.litellm_params, `global_llm_configs[${index}].litellm_params`);
    if (split.hiddenPaths.length > 0) litellmParamsById.set(entry.id, Object.freeze({ ...entry.litellm_params }));
    hiddenPaths.push(...split.hiddenPaths);
    credentialStrings.push(...split.hiddenStrings);
    if (nonEmpty(apiKey) !== null) credentialStrings.push(apiKey!);
    return Object.freeze({ ...entry, litellm_params: Object.freeze(split.served), api_key_set: nonEmpty(apiKey) !== null });
  });
  if (hiddenPaths.length > 0) {
    warnings.push(`litellm_params entries that look like credentials are kept server-side and never served: ${hiddenPaths.join(', ')}`);
  }
  return {
    openRouter,
    curatedModels: Object.freeze(curatedModels),
    secrets: Object.freeze({
      openRouterApiKey: apiKey,
      litellmParamsById,
      openRouterLitellmParams: openRouterSplit.hiddenPaths.length > 0 ? Object.freeze({ ...openRouterParams }) : null,
      credentialStrings: Object.freeze(credentialStrings),
    }),
    warnings,
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value : null;
}
