import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { FileReadError, readRegularFile } from '../input/regular-file.js';
import { formatZodError } from '../input/zod-issues.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import type { CatalogueDiff } from './diff.js';
import { GATE_REASONS, type ModelHealth } from './model-health.js';
import type { CatalogueOrigin } from './version.js';
import { hasUnprintable, SERVED_INT_MAX, SERVED_TIME_MAX_MS } from '../input/served-range.js';

/**
 * The last-good catalogue on disk. It stores what OpenRouter sent (the fields the rules read), the
 * clock the configs were generated with, and the health state, not the finished configs: on restart
 * the configs are generated again from the current operator YAML at the same clock, so ids, tiers
 * and scores come back identical while edits to the YAML still take effect.
 */

export const SNAPSHOT_FILE_NAME = 'catalogue-snapshot.json';
/** A snapshot is written to `<file>.<pid>.<random hex>.tmp`, then renamed into place. */
export const TEMPORARY_SUFFIX = '.tmp';
/** The default of `max_snapshot_mib`, in bytes. */
export const DEFAULT_MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;
const FORMAT = 'llm-catalogue.snapshot';
const FORMAT_VERSION = 1;

// A file is input like any other: every value must be one the API can serve (see served-range.ts).
const servedCount = z.number().int().nonnegative().max(SERVED_INT_MAX);
const servedInt = z.number().int().min(-SERVED_INT_MAX - 1).max(SERVED_INT_MAX);
/** Unix ms that a date can hold (served as ISO-8601 strings); never before 1970, so ages stay within Int. */
const instant = z.number().min(0).max(SERVED_TIME_MAX_MS);
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

const priceSchema = z.union([z.string(), z.number()]).nullable().optional();

const modelSchema = z.object({
  id: z.string().refine((id) => !hasUnprintable(id), 'contains control characters or a lone surrogate'),
  name: z.string().refine((name) => !hasUnprintable(name), 'contains control characters or a lone surrogate').nullable(),
  created: z.number().nullable(),
  contextLength: servedCount.nullable(),
  outputModalities: z.array(z.string()).nullable(),
  inputModalities: z.array(z.string()),
  supportedParameters: z.array(z.string()),
  promptPrice: priceSchema,
  completionPrice: priceSchema,
});

/** Health fields of one config, keyed by model name in the snapshot. */
const configHealthSchema = z.object({
  healthGated: z.boolean(),
  qualityScoreHealth: healthScore.nullable(),
  health: modelHealthSchema.nullable(),
});
export type ConfigHealthState = z.infer<typeof configHealthSchema>;

const refSchema = z.object({ id: servedInt, modelName: z.string(), name: z.string() });
const pricingSchema = z.object({ prompt: z.number().nullable(), completion: z.number().nullable() });
const diffSchema = z.object({
  fromVersion: servedCount.nullable(),
  toVersion: servedCount,
  at: instant,
  added: z.array(refSchema),
  removed: z.array(refSchema),
  repriced: z.array(refSchema.extend({ before: pricingSchema, after: pricingSchema })),
  tierFlips: z.array(refSchema.extend({ from: z.enum(['free', 'premium']), to: z.enum(['free', 'premium']) })),
  newlyGated: z.array(refSchema),
  newlyUngated: z.array(refSchema),
});

const snapshotSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  savedAt: instant,
  origin: z.enum(['live', 'persisted', 'bundled-snapshot', 'shared', 'operator-only']),
  fetchedAt: instant.nullable(),
  enrichedAt: instant.nullable(),
  /** Unix seconds used for the recency score when the configs were generated. */
  generatedAtSeconds: z.number().int(),
  models: z.array(modelSchema),
  configHealth: z.record(z.string(), configHealthSchema),
  // Null in files of processes that never checked health.
  healthCache: z
    .record(z.string(), modelHealthSchema)
    .nullable()
    .transform((book) => book ?? {}),
  changes: z.array(diffSchema),
});

export interface CatalogueSnapshot {
  readonly savedAt: number;
  /** Where the models originally came from (a restored snapshot is served as 'persisted'). */
  readonly origin: CatalogueOrigin;
  readonly fetchedAt: number | null;
  readonly enrichedAt: number | null;
  readonly generatedAtSeconds: number;
  readonly models: readonly OpenRouterModel[];
  readonly configHealth: Readonly<Record<string, ConfigHealthState>>;
  /** The last good health of each model (the health book). */
  readonly healthCache: Readonly<Record<string, ModelHealth>>;
  readonly changes: readonly CatalogueDiff[];
}

/** A snapshot file that exists but cannot be used. Never fatal: the caller logs it and moves on. */
export class SnapshotFileError extends Error {
  override readonly name = 'SnapshotFileError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`ignoring ${path}: ${reason}`);
  }
}

export function snapshotPath(dataDir: string): string {
  return join(dataDir, SNAPSHOT_FILE_NAME);
}

/** Validates a snapshot read from anywhere (disk, Redis). Throws an Error naming the first problems. */
export function parseSnapshot(raw: unknown): CatalogueSnapshot {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== FORMAT) throw new Error(`not an llm-catalogue snapshot (format ${JSON.stringify(format ?? null)})`);
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = formatZodError(parsed.error, raw);
    throw new Error(`invalid snapshot: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  }
  return parsed.data;
}

/** The serialized form of a snapshot, as written to disk and shared through Redis. */
export function serializeSnapshot(snapshot: CatalogueSnapshot): string {
  return JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, ...snapshot });
}

/**
 * Reads the snapshot in `dataDir`. Returns null when there is none; throws SnapshotFileError when
 * the file is not a regular file, larger than `maxBytes`, truncated, corrupted, of another format or version.
 */
export async function readSnapshot(dataDir: string, maxBytes = DEFAULT_MAX_SNAPSHOT_BYTES): Promise<CatalogueSnapshot | null> {
  const path = snapshotPath(dataDir);
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(path, maxBytes);
  } catch (error) {
    throw new SnapshotFileError(path, error instanceof FileReadError ? error.reason : String(error));
  }
  if (bytes === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SnapshotFileError(path, `not valid JSON (${bytes.length} bytes; truncated or corrupted)`);
  }
  try {
    return parseSnapshot(raw);
  } catch (error) {
    throw new SnapshotFileError(path, (error as Error).message);
  }
}

/** What writeSnapshot wrote. */
export interface SnapshotWrite {
  readonly bytes: number;
  /** Oldest change records left out so the file fits in `maxBytes` (they stay in memory). */
  readonly changesLeftOut: number;
}

/**
 * The serialized snapshot, at most `maxBytes`: the oldest change records are left out until it fits
 * (they are history, not catalogue). Throws when the catalogue alone does not fit.
 */
function boundedBody(snapshot: CatalogueSnapshot, maxBytes: number): { body: string; changesLeftOut: number } {
  let changes = snapshot.changes;
  for (;;) {
    const body = serializeSnapshot({ ...snapshot, changes });
    if (Buffer.byteLength(body, 'utf8') <= maxBytes) return { body, changesLeftOut: snapshot.changes.length - changes.length };
    if (changes.length === 0) throw new Error(`the catalogue needs ${Buffer.byteLength(body, 'utf8')} bytes, over the ${maxBytes}-byte limit (max_snapshot_mib); the previous data file is kept`);
    changes = changes.slice(Math.ceil(changes.length / 2));
  }
}

/**
 * Writes the snapshot atomically: a temporary file in the same directory, fsync, rename over the
 * old file, fsync of the directory. A crash at any point leaves either the old or the new file whole
 * (and perhaps a temporary file, which removeStaleTemporaries deletes at the next start).
 */
export async function writeSnapshot(dataDir: string, snapshot: CatalogueSnapshot, maxBytes = DEFAULT_MAX_SNAPSHOT_BYTES): Promise<SnapshotWrite> {
  const path = snapshotPath(dataDir);
  await mkdir(dirname(path), { recursive: true });
  const { body, changesLeftOut } = boundedBody(snapshot, maxBytes);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
  try {
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(body, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
  return { bytes: Buffer.byteLength(body, 'utf8'), changesLeftOut };
}

async function syncDirectory(directory: string): Promise<void> {
  // Makes the rename itself durable; some filesystems refuse fsync on a directory, which is harmless.
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
