import { blake2b } from '@noble/hashes/blake2.js';

/** Width of the hash space; matches the original so migrated thread pins keep their ids. */
export const STABLE_ID_HASH_WIDTH = 9_000_000n;

/** Default `id_offset` of the original. */
export const DEFAULT_ID_OFFSET = -10_000;

const utf8 = new TextEncoder();

/**
 * The base id of a model before collision handling: `offset - (h mod 9,000,000)`, where `h` is
 * BLAKE2b of the UTF-8 id with a 6-byte digest read big-endian. The digest length is a BLAKE2b
 * parameter, so truncating a 64-byte digest (all Node's crypto offers) gives other numbers.
 */
export function baseStableId(modelId: string, offset: number): number {
  const digest = blake2b(utf8.encode(modelId), { dkLen: 6 });
  let h = 0n;
  for (const byte of digest) h = (h << 8n) | BigInt(byte);
  return offset - Number(h % STABLE_ID_HASH_WIDTH);
}

/**
 * Claims a stable id for `modelId` in one generation: the base id, or on a collision the next
 * free id below it. Order matters only for colliding models, as in the original.
 */
export function claimStableId(modelId: string, offset: number, taken: Set<number>): number {
  let id = baseStableId(modelId, offset);
  while (taken.has(id)) id -= 1;
  taken.add(id);
  return id;
}
