import type { CatalogueConfig } from '../catalogue/types.js';
import { designArenaResults } from '../openrouter/model-benchmarks.js';
import { builder } from './builder.js';
import { BenchmarkSourceEnum, type BenchmarkSource } from './benchmark-source.js';

export interface BenchmarkScore {
  readonly source: BenchmarkSource;
  readonly index: string;
  readonly value: number;
  readonly winRate: number | null;
  readonly rank: number | null;
}

const INDICES = [
  ['intelligence', 'intelligence_index'],
  ['coding', 'coding_index'],
  ['agentic', 'agentic_index'],
] as const;

/** A config's benchmark results as one list: Artificial Analysis indices first, then Design Arena results. */
export function benchmarkScores(config: CatalogueConfig, source: BenchmarkSource | null): BenchmarkScore[] {
  const scores: BenchmarkScore[] = [];
  const indices = config.details.artificialAnalysis;
  if (indices && source !== 'design-arena') {
    for (const [key, index] of INDICES) {
      const value = indices[key];
      if (value !== null) scores.push({ source: 'artificial-analysis', index, value, winRate: null, rank: null });
    }
  }
  if (source !== 'artificial-analysis') {
    for (const result of designArenaResults(config.details.designArena)) scores.push({ source: 'design-arena', index: `${result.arena}/${result.category}`, value: result.elo, winRate: result.winRate, rank: result.rank });
  }
  return scores;
}

export const BenchmarkScoreRef = builder.objectRef<BenchmarkScore>('BenchmarkScore').implement({
  description: 'One benchmark result of a model, as OpenRouter lists it.',
  fields: (t) => ({
    source: t.field({ type: BenchmarkSourceEnum, description: 'Who measured it.', resolve: (s) => s.source }),
    index: t.exposeString('index', { description: 'What was measured: an Artificial Analysis index (`intelligence_index`, `coding_index`, `agentic_index`) or a Design Arena `arena/category`.' }),
    value: t.exposeFloat('value', { description: 'The index (0–100) or the ELO rating.' }),
    winRate: t.exposeFloat('winRate', { nullable: true, description: 'Design Arena: share of matches won, in percent; null otherwise or when unknown.' }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Design Arena: rank in its category; null otherwise or when unknown.' }),
  }),
});
