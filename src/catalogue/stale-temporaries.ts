import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOT_FILE_NAME, TEMPORARY_SUFFIX } from './snapshot-file.js';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `catalogue-snapshot.json.<pid>.<random hex>.tmp`, as writeSnapshot names them. */
const TEMPORARY_NAME = new RegExp(`^${escaped(SNAPSHOT_FILE_NAME)}\\.(\\d+)\\.[0-9a-f]+${escaped(TEMPORARY_SUFFIX)}$`);

/** A temporary file this old is stale whoever wrote it: a snapshot write takes well under a second. */
const STALE_AFTER_MS = 10 * 60_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes temporary snapshot files left behind by a process killed mid-write (SIGKILL, OOM, power
 * loss): the rename never happened, so they hold nothing the data file lacks, and each can be as large
 * as a snapshot. A file is left alone only while its writer may still be at work: another running
 * process, within the last ten minutes. Returns the names removed; never throws.
 */
export async function removeStaleTemporaries(dataDir: string, nowMs = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match) continue;
    const path = join(dataDir, name);
    try {
      const stats = await stat(path);
      const pid = Number(match[1]);
      const writerMayBeAtWork = pid !== process.pid && isRunning(pid) && nowMs - stats.mtimeMs < STALE_AFTER_MS;
      if (!stats.isFile() || writerMayBeAtWork) continue;
      await rm(path, { force: true });
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove: either way nothing to do */
    }
  }
  return removed;
}
