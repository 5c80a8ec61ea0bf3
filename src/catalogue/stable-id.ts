import { createBLAKE2b } from 'hash-wasm';

/** Width of the hash space; matches the original so migrated thread pins keep their ids. */
export const STABLE_ID_HASH_WIDTH = 9_000_000;

/** Default `id_offset` of the original. */
export const DEFAULT_ID_OFFSET = -10_000;

// One reusable hasher with a 48-bit digest. The digest length is a BLAKE2b parameter (it enters
// the initial state), so truncating a 64-byte digest, all Node's crypto offers, gives other numbers.
// hash-wasm runs BLAKE2b in WebAssembly, about 8× faster than pure-JS implementations.
const blake2b48 = await createBLAKE2b(48);

/**
 * The base id of a model before collision handling: `offset - (h mod 9,000,000)`, where `h` is
 * the 6-byte BLAKE2b digest of the UTF-8 id read big-endian (48 bits: exact in a JS number).
 */
export function baseStableId(modelId: string, offset: number): number {
  blake2b48.init();
  blake2b48.update(modelId);
  const digest = blake2b48.digest('binary');
  let h = 0;
  for (const byte of digest) h = h * 256 + byte;
  return offset - (h % STABLE_ID_HASH_WIDTH);
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
