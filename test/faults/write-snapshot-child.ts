/**
 * Child process for the SIGKILL case of data-file.test.ts: rewrites a large snapshot of the data file
 * in `argv[2]` over and over until it is killed, so a kill lands mid-write and leaves a temporary file.
 */
import { readSnapshot, writeSnapshot } from '../../src/catalogue/snapshot-file.js';

const dataDir = process.argv[2]!;
const snapshot = (await readSnapshot(dataDir))!;
const refs = Array.from({ length: 10_000 }, (_, i) => ({ id: -1_000_000 - i, modelName: `acme/model-${i}`, name: `Model ${i}` }));
const change = { fromVersion: 1, toVersion: 2, at: Date.now(), added: refs, removed: refs, repriced: [], tierFlips: [], newlyGated: [], newlyUngated: [], retired: [], reinstated: [], expiring: [] };
const large = { ...snapshot, changes: Array.from({ length: 25 }, () => change) };
process.stdout.write('writing\n');
for (;;) await writeSnapshot(dataDir, large, 1024 * 1024 * 1024);
