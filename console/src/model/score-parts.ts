/** The parts of ScoreBreakdown as the details panel lists them (the chart stacks the same ones). */
export const SCORE_PART_LABELS = [
  ['prestige', 'Provider prestige'],
  ['recency', 'Recency'],
  ['priceBand', 'Price band'],
  ['context', 'Context'],
  ['capabilities', 'Capabilities'],
  ['operatorBonus', 'Operator bonus'],
  ['penalty', 'Penalty'],
] as const;
