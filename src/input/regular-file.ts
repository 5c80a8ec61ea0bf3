import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file could not be read; `reason` is one line, without the path (callers add it). */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  constructor(
    readonly reason: string,
    readonly code: string | null = null,
  ) {
    super(reason);
  }
}

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Reads a whole file that must be a regular file of at most `maxBytes`. Symlinks are followed (mounted
 * config maps are symlinks) but what they point to is checked: a FIFO would block the read forever,
 * `/dev/zero` or `/dev/urandom` never end, a directory has no content. The open is non-blocking for the
 * same reason, and at most `maxBytes + 1` bytes are ever read, so a file that grows while it is read
 * cannot take more memory than the limit. Returns null when the file does not exist (ENOENT).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer | null> {
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? null;
    if (code === 'ENOENT') return null;
    throw new FileReadError(`cannot open it (${code ?? String(error)})`, code);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileReadError(`it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new FileReadError(`it is ${stats.size} bytes, over the ${maxBytes}-byte limit`);
    // The size from stat is a hint: read until the end, but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - length, 64 * 1024), maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw new FileReadError(`it grew past the ${maxBytes}-byte limit while being read`);
    }
    return Buffer.concat(chunks, length);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? null;
    throw new FileReadError(`cannot read it (${code ?? String(error)})`, code);
  } finally {
    await handle.close();
  }
}
