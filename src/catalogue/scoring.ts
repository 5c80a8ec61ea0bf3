import { pythonFloat } from './python-float.js';
import type { StaticScoreBreakdown } from './types.js';

/**
 * Static quality scores (0..100 integers), exactly as the original's scoring module computed them
 * (reference-behaviour §2–3). Each function returns the parts so the API can explain a score.
 */

const OPENROUTER_PRESTIGE: ReadonlyMap<string, number> = prestigeTable([
  [50, ['openai', 'anthropic', 'google', 'x-ai']],
  [38, ['deepseek', 'qwen', 'meta-llama', 'mistralai', 'cohere', 'nvidia', 'alibaba']],
  [28, ['microsoft', '01-ai', 'minimax', 'moonshot', 'z-ai', 'nousresearch', 'ai21', 'perplexity']],
  [18, ['liquid', 'cognitivecomputations', 'venice', 'inflection']],
]);
const OPENROUTER_PRESTIGE_OTHER = 15;

const OPERATOR_PRESTIGE: ReadonlyMap<string, number> = prestigeTable([
  [50, ['azure', 'openai', 'anthropic', 'gemini', 'vertex_ai', 'xai']],
  [38, ['mistral', 'deepseek', 'cohere']],
  [30, ['groq']],
  [28, ['together_ai', 'fireworks_ai', 'perplexity', 'bedrock']],
  [25, ['openrouter']],
  [12, ['ollama_chat', 'custom']],
]);
const OPERATOR_PRESTIGE_OTHER = 15;

/** Operators vouch for their own YAML entries; the original trusted them by this much. */
export const OPERATOR_TRUST_BONUS = 20;

const TINY_OR_LEGACY_MARKERS = ['-1b-', '-1.2b-', '-1.5b-', '-2b-', '-3b-', 'gemma-3n', 'lfm-', '-base', '-distill', ':nitro', '-preview'];
const TINY_OR_LEGACY_PENALTY = -10;

const SECONDS_PER_DAY = 86_400;

function prestigeTable(rows: ReadonlyArray<readonly [number, readonly string[]]>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [points, slugs] of rows) for (const slug of slugs) table.set(slug, points);
  return table;
}

/** Prestige of an OpenRouter model id by its provider slug; 0 when the id has no `/`. */
export function openRouterPrestige(modelId: string): number {
  const slash = modelId.indexOf('/');
  if (slash < 0) return 0;
  return OPENROUTER_PRESTIGE.get(modelId.slice(0, slash).toLowerCase()) ?? OPENROUTER_PRESTIGE_OTHER;
}

/** Prestige of an operator config by its YAML `provider`. */
export function operatorPrestige(provider: string): number {
  return OPERATOR_PRESTIGE.get(provider.toLowerCase()) ?? OPERATOR_PRESTIGE_OTHER;
}

/** Recency points from `created` (Unix seconds); missing or non-positive gives 0. */
export function recencyPoints(created: number | null | undefined, nowSeconds: number): number {
  if (created === null || created === undefined || !(created > 0)) return 0;
  const ageDays = Math.max(0, Math.floor((nowSeconds - created) / SECONDS_PER_DAY));
  if (ageDays <= 60) return 20;
  if (ageDays <= 180) return 16;
  if (ageDays <= 365) return 12;
  if (ageDays <= 540) return 9;
  if (ageDays <= 730) return 6;
  if (ageDays <= 1095) return 3;
  return 0;
}

/**
 * Price band from per-token prompt and completion prices (any JSON value; unparseable or missing
 * counts as 0). The sum is taken before scaling, in the original's order, so the doubles match.
 */
export function priceBandPoints(promptPerToken: unknown, completionPerToken: unknown): number {
  const perMillion = (priceOrZero(promptPerToken) + priceOrZero(completionPerToken)) * 1_000_000;
  if (perMillion >= 20) return 15;
  if (perMillion >= 5) return 12;
  if (perMillion >= 1) return 9;
  if (perMillion >= 0.3) return 6;
  if (perMillion >= 0.05) return 4;
  if (perMillion > 0) return 2;
  return 0;
}

function priceOrZero(value: unknown): number {
  return pythonFloat(value) ?? 0;
}

/** Context points from a context window in tokens. */
export function contextPoints(contextLength: number | null | undefined): number {
  const tokens = contextLength ?? 0;
  if (tokens >= 1_000_000) return 10;
  if (tokens >= 400_000) return 8;
  if (tokens >= 200_000) return 6;
  if (tokens >= 128_000) return 4;
  if (tokens >= 100_000) return 2;
  return 0;
}

/** Capability points from OpenRouter's `supported_parameters` (at most 5). */
export function capabilityPoints(supportedParameters: readonly unknown[]): number {
  let points = 0;
  if (supportedParameters.includes('tools')) points += 2;
  if (supportedParameters.includes('structured_outputs') || supportedParameters.includes('response_format')) points += 2;
  if (supportedParameters.includes('reasoning') || supportedParameters.includes('include_reasoning')) points += 1;
  return Math.min(points, 5);
}

/** −10 for ids that name tiny, legacy or preview models, else 0. */
export function tinyOrLegacyPenalty(modelId: string): number {
  const lower = modelId.toLowerCase();
  return TINY_OR_LEGACY_MARKERS.some((marker) => lower.includes(marker)) ? TINY_OR_LEGACY_PENALTY : 0;
}

/**
 * Every field written out in one literal: a spread followed by freezing gave each breakdown a hidden
 * class of its own, ~350 bytes of V8 metadata per config (8 MB at 23,000 configs).
 */
function breakdown(parts: Omit<StaticScoreBreakdown, 'rawTotal' | 'total'>): StaticScoreBreakdown {
  const { prestige, recency, priceBand, context, capabilities, penalty, operatorBonus } = parts;
  const rawTotal = prestige + recency + priceBand + context + capabilities + penalty + operatorBonus;
  return Object.freeze({ prestige, recency, priceBand, context, capabilities, penalty, operatorBonus, rawTotal, total: Math.min(100, Math.max(0, rawTotal)) });
}

/** The inputs of an OpenRouter model's static score. */
export interface OpenRouterScoreInput {
  readonly id: string;
  readonly created: number | null;
  readonly contextLength: number | null;
  readonly promptPrice?: unknown;
  readonly completionPrice?: unknown;
  readonly supportedParameters: readonly unknown[];
}

/** Static score of an OpenRouter model (§2), with its parts. */
export function scoreOpenRouterModel(model: OpenRouterScoreInput, nowSeconds: number): StaticScoreBreakdown {
  return breakdown({
    prestige: openRouterPrestige(model.id),
    recency: recencyPoints(model.created, nowSeconds),
    priceBand: priceBandPoints(model.promptPrice, model.completionPrice),
    context: contextPoints(model.contextLength),
    capabilities: capabilityPoints(model.supportedParameters),
    penalty: tinyOrLegacyPenalty(model.id),
    operatorBonus: 0,
  });
}

/** The inputs of an operator-curated config's static score. */
export interface OperatorScoreInput {
  readonly provider: string;
  readonly modelName: string;
  readonly inputCostPerToken: unknown;
  readonly outputCostPerToken: unknown;
  readonly maxInputTokens: number | null;
}

/** Static score of an operator-curated YAML config (§3), with its parts. */
export function scoreOperatorConfig(config: OperatorScoreInput): StaticScoreBreakdown {
  return breakdown({
    prestige: operatorPrestige(config.provider),
    recency: 0,
    priceBand: priceBandPoints(config.inputCostPerToken, config.outputCostPerToken),
    context: contextPoints(config.maxInputTokens),
    capabilities: 0,
    penalty: tinyOrLegacyPenalty(config.modelName),
    operatorBonus: OPERATOR_TRUST_BONUS,
  });
}
