import { z } from 'zod';
import { SERVED_INT_MIN, servedCount } from '../input/served-range.js';

/**
 * The operator file's schema. Keys are checked strictly, so a typo is an error that names its path
 * instead of a silently ignored setting. `config/catalogue.example.yaml` documents every key.
 */

/** The largest `max_models` accepted. */
export const MAX_MODELS_LIMIT = 1_000_000;

// Every count is served as the API's Int (signed 32-bit): a larger one would break every listing.
const nonNegativeInt = servedCount;

/** What a YAML tag can make that JSON cannot carry (served `litellmParams` are JSON). */
function nonJsonKind(value: unknown): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a non-finite number (.inf or .nan)';
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered map (!!omap or !!pairs)';
  if (value instanceof Date) return 'a timestamp (!!timestamp)';
  if (Array.isArray(value)) return null;
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) return null;
  return typeof value;
}

/** `litellm_params`: any JSON, at any depth; each value that is not JSON is named with its path. */
const litellmParamsSchema = z.record(z.string(), z.unknown()).superRefine((params, context) => {
  const visit = (value: unknown, path: (string | number)[]): void => {
    const kind = nonJsonKind(value);
    if (kind !== null) return context.addIssue({ code: 'custom', path, message: `expected a JSON value (string, number, boolean, null, list or map), got ${kind}` });
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  for (const [key, value] of Object.entries(params)) visit(value, [key]);
});

export const staticConfigSchema = z.strictObject({
  id: z.number().int().min(SERVED_INT_MIN),
  name: z.string().min(1),
  description: z.string().default(''),
  provider: z.string().min(1),
  model_name: z.string().min(1),
  api_key: z.string().optional(),
  api_base: z.string().default(''),
  rpm: nonNegativeInt.nullable().default(null),
  tpm: nonNegativeInt.nullable().default(null),
  litellm_params: litellmParamsSchema.default({}),
  system_instructions: z.string().default(''),
  use_default_system_instructions: z.boolean().default(true),
  citations_enabled: z.boolean().default(true),
  billing_tier: z.enum(['free', 'premium']).default('free'),
  anonymous_enabled: z.boolean().default(false),
  seo_enabled: z.boolean().default(false),
  seo_slug: z.string().nullable().default(null),
  seo_title: z.string().nullable().default(null),
  seo_description: z.string().nullable().default(null),
  quota_reserve_tokens: nonNegativeInt.default(4000),
  router_pool_eligible: z.boolean().default(true),
  supports_tools: z.boolean().default(true),
  supports_image_input: z.boolean().default(false),
});

/** A number of days (fractions allowed) from 0 to ten years: longer spans are typos, and their milliseconds must stay dates. */
const days = z.number().min(0).max(3650);

const openRouterBlockSchema = z.strictObject({
  enabled: z.boolean().optional(),
  api_key: z.string().optional(),
  id_offset: z.number().int().optional(),
  seo_enabled: z.boolean().optional(),
  quota_reserve_tokens: nonNegativeInt.optional(),
  rpm: nonNegativeInt.optional(),
  tpm: nonNegativeInt.optional(),
  free_rpm: nonNegativeInt.optional(),
  free_tpm: nonNegativeInt.optional(),
  anonymous_enabled_paid: z.boolean().optional(),
  anonymous_enabled_free: z.boolean().optional(),
  litellm_params: litellmParamsSchema.nullable().optional(),
  system_instructions: z.string().optional(),
  use_default_system_instructions: z.boolean().optional(),
  citations_enabled: z.boolean().optional(),
  refresh_interval_hours: z.number().nonnegative().optional(),
  max_shrink_fraction: z.number().min(0).max(1).optional(),
  max_malformed_fraction: z.number().min(0).max(1).optional(),
  max_growth_factor: z.number().min(1).optional(),
  max_models: z.number().int().min(1).max(MAX_MODELS_LIMIT).optional(),
  max_string_length: z.number().int().min(100).max(1_000_000).optional(),
  max_snapshot_mib: z.number().positive().max(4096).optional(),
  new_model_days: days.optional(),
  expiring_days: days.optional(),
  retirement_grace_days: days.optional(),
  /** Deprecated: tiers now come from OpenRouter's own pricing. Accepted and ignored, with a warning. */
  billing_tier: z.string().optional(),
  /** Deprecated: seeds `anonymous_enabled_paid`/`_free` unless those are set. */
  anonymous_enabled: z.boolean().optional(),
});

export const fileSchema = z.strictObject({
  global_llm_configs: z.array(staticConfigSchema).nullable().default([]),
  openrouter_integration: openRouterBlockSchema.nullable().optional(),
});

