import { z } from 'zod';
import { servedCount, servedInstant as instant } from '../input/served-range.js';
import { formatZodError } from '../input/zod-issues.js';
import { modalities } from '../openrouter/model-details.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import type { CatalogueDiff } from './diff.js';
import { GATE_REASONS, type ModelHealth } from './model-health.js';
import type { RetiredModel } from './retirement.js';
import { changeRecordSchema, modelSchema, retiredSchema } from './snapshot-models.js';
import type { CatalogueOrigin } from './version.js';


/**
 * The shape of a catalogue snapshot: what is persisted in DATA_DIR and what replicas share. It holds
 * what OpenRouter sent (the fields the rules read), the clock the configs were generated with and
 * the health, not the finished configs: the configs are generated again from the current operator
 * YAML at the same clock, so ids, tiers and scores come back identical while edits to the YAML
 * still take effect.
 *
 * Format 3 stores, with each model, what a model selector shows of it (snapshot-models.ts), and the
 * models served as RETIRED with their ids and retirement times. Format 2 (no details, no retirements)
 * and format 1 (health stored twice: per config and in the cache) are read by migrating them.
 */

const FORMAT = 'llm-catalogue.snapshot';
const FORMAT_VERSION = 3;

// A file is input like any other: every value must be one the API can serve (see served-range.ts).
/** A health score is clamped to 0..100 when computed; the served quality score is blended from it. */
const healthScore = z.number().min(0).max(100);

const modelHealthSchema = z.object({
  gated: z.boolean(),
  score: healthScore.nullable(),
  gateReason: z.enum(GATE_REASONS).nullable(),
  bestUptimePct: z.number().nonnegative().nullable(),
  uptimeWindow: z.string().nullable(),
  freshnessPct: z.number().nonnegative().nullable(),
  freshnessWindow: z.string().nullable(),
  endpointCount: servedCount,
  okEndpointCount: servedCount,
  checkedAt: instant,
  fromCache: z.boolean(),
}) satisfies z.ZodType<ModelHealth>;

/** A book entry is a good check, so `fromCache` is not stored. */
const bookEntrySchema = modelHealthSchema.omit({ fromCache: true }).transform((health): ModelHealth => ({ ...health, fromCache: false }));

const commonFields = {
  format: z.literal(FORMAT),
  savedAt: instant,
  origin: z.enum(['live', 'persisted', 'bundled-snapshot', 'shared', 'operator-only']),
  fetchedAt: instant.nullable(),
  enrichedAt: instant.nullable(),
  /** Unix seconds used for the recency score when the configs were generated. */
  generatedAtSeconds: z.number().int(),
  models: z.array(modelSchema),
  changes: z.array(changeRecordSchema),
};

/** How the OpenRouter-routed configs of a model serve its book entry: as a fresh check, or as its last good values. */
export type ServedHealth = 'fresh' | 'from-cache';

const healthFields = {
  healthBook: z.record(z.string(), bookEntrySchema),
  servedHealth: z.record(z.string(), z.enum(['fresh', 'from-cache'])),
};

function servedHealthInBook(snapshot: { servedHealth: Record<string, unknown>; healthBook: Record<string, unknown> }, context: z.RefinementCtx): void {
  for (const modelName of Object.keys(snapshot.servedHealth)) {
    if (!(modelName in snapshot.healthBook)) context.addIssue({ code: 'custom', path: ['servedHealth', modelName], message: 'the model has no entry in healthBook' });
  }
}

const formatThreeSchema = z.object({ ...commonFields, ...healthFields, formatVersion: z.literal(3), retired: z.array(retiredSchema) }).superRefine(servedHealthInBook);

/**
 * Formats 1 and 2 kept models without details (a selector's facts arrive with the next refresh), no
 * retirements, and of the input modalities only `image` (the one a rule reads). Every model of a real
 * list accepts text, so text is added back.
 */
function withoutDetails<T extends { models: readonly OpenRouterModel[] }>(snapshot: T): T & { retired: readonly RetiredModel[] } {
  return { ...snapshot, models: snapshot.models.map((model) => ({ ...model, inputModalities: modalities(['text', ...model.inputModalities]) })), retired: [] };
}

/** Format 2: each model's health stored once, as in format 3. */
const formatTwoSchema = z.object({ ...commonFields, ...healthFields, formatVersion: z.literal(2) }).superRefine(servedHealthInBook).transform(withoutDetails);

/** Format 1: each OpenRouter config's health fields by model name, and the cache of last good health beside them. */
const formatOneSchema = z.object({
  ...commonFields,
  formatVersion: z.literal(1),
  configHealth: z.record(z.string(), z.object({ healthGated: z.boolean(), qualityScoreHealth: healthScore.nullable(), health: modelHealthSchema.nullable() })),
  // Null in files of processes that never checked health.
  healthCache: z.record(z.string(), modelHealthSchema).nullable(),
});

export interface CatalogueSnapshot {
  readonly savedAt: number;
  /** Where the models originally came from (a restored snapshot is served as 'persisted'). */
  readonly origin: CatalogueOrigin;
  readonly fetchedAt: number | null;
  readonly enrichedAt: number | null;
  readonly generatedAtSeconds: number;
  readonly models: readonly OpenRouterModel[];
  /** Models gone from OpenRouter's list that are served as RETIRED until their grace is over. */
  readonly retired: readonly RetiredModel[];
  /** The last good health of each model, by model name (every entry `fromCache: false`). */
  readonly healthBook: Readonly<Record<string, ModelHealth>>;
  /** The models whose OpenRouter-routed configs serve their book entry, and how. Others serve no health. */
  readonly servedHealth: Readonly<Record<string, ServedHealth>>;
  readonly changes: readonly CatalogueDiff[];
}

/** Validates a snapshot read from anywhere (disk, Redis), of any format. Throws an Error naming the first problems. */
export function parseSnapshot(raw: unknown): CatalogueSnapshot {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== FORMAT) throw new Error(`not an llm-catalogue snapshot (format ${JSON.stringify(format ?? null)})`);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  const schema = version === 1 ? formatOneSchema.transform(fromFormatOne) : version === 2 ? formatTwoSchema : formatThreeSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = formatZodError(parsed.error, raw);
    throw new Error(`invalid snapshot: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  }
  const { format: _format, formatVersion: _version, ...snapshot } = parsed.data as CatalogueSnapshot & { format?: string; formatVersion?: number };
  return snapshot;
}

/**
 * A format-1 snapshot in format 3. Format 1 wrote a config's health from the same cache entry it
 * kept, so the two always agreed; should a file disagree, the health the config served wins, so the
 * catalogue is served exactly as before.
 */
function fromFormatOne(old: z.infer<typeof formatOneSchema>): CatalogueSnapshot {
  const healthBook: Record<string, ModelHealth> = {};
  for (const [modelName, health] of Object.entries(old.healthCache ?? {})) healthBook[modelName] = { ...health, fromCache: false };
  const servedHealth: Record<string, ServedHealth> = {};
  for (const [modelName, { health }] of Object.entries(old.configHealth)) {
    if (health === null) continue;
    healthBook[modelName] = { ...health, fromCache: false };
    servedHealth[modelName] = health.fromCache ? 'from-cache' : 'fresh';
  }
  const { configHealth: _configHealth, healthCache: _healthCache, ...rest } = old;
  return withoutDetails({ ...rest, healthBook, servedHealth });
}

/** The serialized form of a snapshot, as written to disk and shared through Redis (always the current format). */
export function serializeSnapshot(snapshot: CatalogueSnapshot): string {
  const healthBook = Object.fromEntries(Object.entries(snapshot.healthBook).map(([modelName, { fromCache: _fromCache, ...health }]) => [modelName, health]));
  const models = snapshot.models.map(compactModel);
  const retired = snapshot.retired.map((record) => ({ ...record, model: compactModel(record.model) }));
  return JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, ...snapshot, models, retired, healthBook });
}

/** A model with its null facts left out (they read back as null), so the file carries only what is known. */
function compactModel(model: OpenRouterModel): object {
  const details = Object.fromEntries(Object.entries(model.details).filter(([, value]) => value !== null));
  return { ...model, details };
}
