import { barX, binX, dot, plot, rectY, ruleX, ruleY, stackX, type RectYOptions } from '@observablehq/plot';
import type { ConsoleConfigDetailsQuery, SelectorEntryFragment } from '../api/gql/graphql';
import { formatPrice } from '../model/format';
import { SCORE_PART_LABELS } from '../model/score-parts';

/**
 * The console's charts, drawn with Observable Plot (loaded as a chunk of its own). Plot puts its
 * default styles in inline <style> elements, which the page's Content-Security-Policy refuses; they
 * are taken out before a chart enters the page, and styles.css carries the same rules for `.plot`.
 */

const CLASS = 'plot';
export const TIER_COLOURS = { FREE: '#1a7f37', PREMIUM: '#6639ba' } as const;

export function forPage(chart: Element): Element {
  for (const style of chart.querySelectorAll('style')) style.remove();
  return chart;
}

type Breakdown = NonNullable<NonNullable<ConsoleConfigDetailsQuery['llmConfig']>['scoreBreakdown']>;

export interface ScatterPoint {
  readonly name: string;
  readonly modelName: string;
  readonly tier: 'FREE' | 'PREMIUM';
  readonly price: number;
  readonly score: number;
  readonly state: 'healthy' | 'gated';
}

/**
 * Points of the price/quality scatter. A log axis has no 0, so free models (prompt price 0) sit on
 * a floor a decade below the cheapest priced model, where the axis says "free"; models without a
 * known prompt price cannot be placed (the Health tab counts them).
 */
function scatterPoints(configs: readonly SelectorEntryFragment[]): { points: ScatterPoint[]; floor: number } {
  const catalogue = configs.filter((config) => config.source !== 'AUTO');
  const priced = catalogue.map((config) => config.pricing.prompt).filter((price): price is number => price != null && price > 0);
  const floor = 10 ** (Math.floor(Math.log10(priced.length > 0 ? Math.min(...priced) : 0.1)) - 1);
  const points: ScatterPoint[] = [];
  for (const config of catalogue) {
    const price = config.pricing.prompt;
    if (price == null || price < 0) continue;
    points.push({ name: config.name, modelName: config.modelName, tier: config.tier, price: price === 0 ? floor : price, score: config.qualityScore, state: config.healthGated ? 'gated' : 'healthy' });
  }
  return { points, floor };
}

/** The floor ("free"), then every power of ten from the decade above it to the highest price. */
function decadeTicks(floor: number, points: readonly ScatterPoint[]): number[] {
  const highest = Math.max(floor * 10, ...points.map((point) => point.price));
  const ticks = [floor];
  for (let exponent = Math.round(Math.log10(floor)) + 1; 10 ** exponent <= highest * 1.0001; exponent += 1) ticks.push(Number((10 ** exponent).toPrecision(1)));
  return ticks;
}

export function priceQualityScatter(configs: readonly SelectorEntryFragment[]): Element {
  const { points, floor } = scatterPoints(configs);
  return plot({
    className: CLASS,
    width: 860,
    height: 420,
    marginLeft: 48,
    grid: true,
    ariaLabel: 'Prompt price against quality score',
    x: { type: 'log', label: 'Prompt price, USD per million tokens (log scale) →', ticks: decadeTicks(floor, points), tickFormat: (value: number) => (value === floor ? 'free' : formatPrice(value)) },
    y: { label: '↑ Quality score', domain: [0, 100] },
    color: { legend: true, domain: ['FREE', 'PREMIUM'], range: [TIER_COLOURS.FREE, TIER_COLOURS.PREMIUM] },
    symbol: { legend: true, domain: ['healthy', 'gated'], range: ['circle', 'times'] },
    marks: [
      ruleX([floor * 3], { stroke: '#8c959f', strokeDasharray: '3,3' }),
      dot(points, { x: 'price', y: 'score', stroke: 'tier', fill: 'tier', fillOpacity: 0.35, symbol: 'state', r: 4, channels: { name: 'name', model: 'modelName' }, tip: { format: { x: false, fill: false, stroke: false } } }),
    ],
  });
}

export function healthHistogram(configs: readonly SelectorEntryFragment[]): Element {
  const scored = configs.filter((config) => config.source !== 'AUTO' && config.health?.score != null).map((config) => ({ score: config.health!.score!, tier: config.tier }));
  return plot({
    className: CLASS,
    width: 860,
    height: 260,
    ariaLabel: 'Histogram of health scores',
    x: { label: 'Health score →' },
    y: { label: '↑ Models', grid: true },
    color: { legend: true, domain: ['FREE', 'PREMIUM'], range: [TIER_COLOURS.FREE, TIER_COLOURS.PREMIUM] },
    marks: [rectY(scored, binX<RectYOptions>({ y: 'count' }, { x: 'score', fill: 'tier', thresholds: 20, tip: true })), ruleY([0])],
  });
}

/**
 * Two stacked bars: the static parts (a penalty stacks below zero) and the served score, a blend of
 * the static total and live health when there is a health score.
 */
export function scoreBreakdownBars(breakdown: Breakdown): Element {
  const rows: { row: string; part: string; value: number }[] = SCORE_PART_LABELS.filter(([key]) => breakdown[key] !== 0).map(([key, label]) => ({ row: 'Static', part: label, value: breakdown[key] }));
  if (breakdown.health != null) {
    rows.push({ row: 'Served', part: `Static × ${(1 - breakdown.healthWeight).toFixed(2)}`, value: breakdown.staticTotal * (1 - breakdown.healthWeight) });
    rows.push({ row: 'Served', part: `Health × ${breakdown.healthWeight.toFixed(2)}`, value: breakdown.health * breakdown.healthWeight });
  } else rows.push({ row: 'Served', part: 'Static (no health blend)', value: breakdown.staticTotal });
  return plot({
    className: CLASS,
    width: 560,
    height: 150,
    marginLeft: 60,
    ariaLabel: 'Quality score breakdown',
    x: { domain: [Math.min(0, breakdown.penalty), 100], label: 'Points →', grid: true },
    y: { label: null, domain: ['Static', 'Served'] },
    // Legend in the order of the bars, not alphabetical.
    color: { legend: true, scheme: 'tableau10', domain: [...new Set(rows.map((row) => row.part))] },
    marks: [barX(rows, stackX({ x: 'value', y: 'row', fill: 'part', tip: true })), ruleX([0])],
  });
}
