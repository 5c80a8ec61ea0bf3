import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileReadError, readRegularFile } from '../input/regular-file.js';
import { parseSnapshot, serializeSnapshot, type CatalogueSnapshot } from './snapshot-format.js';

/** The snapshot file in DATA_DIR: read within a size limit, written atomically. */

export const SNAPSHOT_FILE_NAME = 'catalogue-snapshot.json';
/** A snapshot is written to `<file>.<pid>.<random hex>.tmp`, then renamed into place. */
export const TEMPORARY_SUFFIX = '.tmp';
/** The default of `max_snapshot_mib`, in bytes. */
export const DEFAULT_MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

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
