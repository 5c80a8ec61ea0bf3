import { builder } from './builder.js';

export type BenchmarkSource = 'artificial-analysis' | 'design-arena';

export const BenchmarkSourceEnum = builder.enumType('BenchmarkSource', {
  description: 'Who measured a benchmark result (as OpenRouter lists them).',
  values: {
    ARTIFICIAL_ANALYSIS: { value: 'artificial-analysis', description: 'Artificial Analysis: indices from 0 to 100 (`intelligence_index`, `coding_index`, `agentic_index`).' },
    DESIGN_ARENA: { value: 'design-arena', description: 'Design Arena: an ELO rating per arena and category (`agents/fullstack`, `models/website`, …), with win rate and rank.' },
  } as const satisfies Record<string, { value: BenchmarkSource; description: string }>,
});
