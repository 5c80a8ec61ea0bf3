import { finite, NONE, record, servedInt, text } from './json-values.js';

/**
 * Benchmark results OpenRouter lists for a model: Artificial Analysis indices (0–100) and Design Arena
 * ELO ratings per arena and category. Results that cannot be read are left out, and lists are bounded.
 */

export interface ArtificialAnalysisIndices {
  readonly intelligence: number | null;
  readonly coding: number | null;
  readonly agentic: number | null;
}

/**
 * Design Arena results, by column: result `i` is `names[i]` (`arena/category`) with ELO, win rate
 * (percent) and rank at `scores[3i]`, `scores[3i + 1]` and `scores[3i + 2]`, NaN where unknown. A
 * list of numbers is one block of memory where objects would be one each: a 100× list carries
 * 145,000 results, which as objects cost three times as much.
 */
export interface DesignArenaResults {
  readonly names: readonly string[];
  readonly scores: readonly number[];
}

export interface DesignArenaResult {
  readonly arena: string;
  readonly category: string;
  readonly elo: number;
  readonly winRate: number | null;
  readonly rank: number | null;
}

/** At most this many Design Arena results per model (real models have up to 20). */
export const MAX_ARENA_RESULTS = 32;
/** Arena and category names are short words; longer ones (or with a `/`) are left out. */
const MAX_ARENA_NAME_LENGTH = 64;

/** The results of a column store, one object each (made when they are served). */
export function designArenaResults(results: DesignArenaResults | null): DesignArenaResult[] {
  if (results === null) return [];
  return results.names.map((name, index) => {
    const slash = name.indexOf('/');
    const [elo, winRate, rank] = [results.scores[3 * index]!, results.scores[3 * index + 1]!, results.scores[3 * index + 2]!];
    return { arena: name.slice(0, slash), category: name.slice(slash + 1), elo, winRate: Number.isNaN(winRate) ? null : winRate, rank: Number.isNaN(rank) ? null : rank };
  });
}

function arenaName(value: unknown): string | null {
  const read = text(value);
  return read === null || read.length > MAX_ARENA_NAME_LENGTH || read.includes('/') ? null : read;
}

/**
 * `benchmarks.design_arena`: results without a readable arena, category or ELO are left out. `names`
 * keeps each list of names once per model list (models share a few dozen).
 */
export function readDesignArena(value: unknown, names: Map<string, readonly string[]>): DesignArenaResults | null {
  const read: string[] = [];
  const scores: number[] = [];
  for (const entry of Array.isArray(value) ? value : NONE) {
    if (read.length >= MAX_ARENA_RESULTS) break;
    const result = record(entry);
    const arena = arenaName(result?.arena);
    const category = arenaName(result?.category);
    const elo = finite(result?.elo);
    if (arena === null || category === null || elo === null) continue;
    const winRate = finite(result!.win_rate);
    read.push(`${arena}/${category}`);
    scores.push(elo, winRate !== null && winRate >= 0 && winRate <= 100 ? winRate : Number.NaN, servedInt(result!.rank, 1) ?? Number.NaN);
  }
  if (read.length === 0) return null;
  const key = read.join('\n');
  let shared = names.get(key);
  if (shared === undefined) names.set(key, (shared = Object.freeze(read)));
  // Sliced to their length (push leaves spare room); never frozen: freezing makes a list of numbers one of boxed values.
  return Object.freeze({ names: shared, scores: scores.slice() });
}

/** `benchmarks.artificial_analysis`; null when it has no index. */
export function readArtificialAnalysis(value: unknown): ArtificialAnalysisIndices | null {
  const indices = record(value);
  if (indices === null) return null;
  const read = { intelligence: finite(indices.intelligence_index), coding: finite(indices.coding_index), agentic: finite(indices.agentic_index) };
  return read.intelligence === null && read.coding === null && read.agentic === null ? null : Object.freeze(read);
}
