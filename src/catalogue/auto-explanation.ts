import type { AutoExclusion, AutoPickRequest, AutoPickResult } from './auto-pick.js';
import type { StandingView } from './requirements.js';

/**
 * Auto's choice in words: the rule that made it, and for each group of configs left out, how many and
 * what would bring them back. Plain text for people (the console, logs); the numbers are in the result.
 */

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** One group left out, as a phrase that starts with its count: "228 without a credential: set OPENROUTER_API_KEY". */
export function exclusionMessage({ reason, configs }: AutoExclusion, request: AutoPickRequest, standings: StandingView): string {
  const n = configs.length;
  const requirements = request.requirements ?? {};
  switch (reason) {
    case 'missing-image-input':
      return `${n} cannot read images (the turn has one)`;
    case 'context-too-short':
      return `${n} with a context window under ${requirements.minContextLength ?? 0} tokens (or none known)`;
    case 'no-tool-calling':
      return `${n} without tool calling (the turn needs it)`;
    case 'no-reasoning':
      return `${n} that do not reason (the turn needs it)`;
    case 'over-price-cap':
      return `${n} over the price cap of ${requirements.maxPromptPrice ?? 0} USD per million prompt tokens (or no known price): raise maxPromptPrice to include them`;
    case 'no-credential': {
      const operator = configs.filter((config) => config.source === 'yaml').length;
      const advice = [...(n - operator > 0 ? ['set OPENROUTER_API_KEY (or api_key under openrouter_integration in the operator file)'] : []), ...(operator > 0 ? [`give ${operator === 1 ? 'the operator config' : 'those operator configs'} an api_key`] : [])];
      return `${n} without a credential: ${advice.join('; ')}`;
    }
    case 'retired':
      return `${n} retired (gone from OpenRouter's list; Auto never picks them)`;
    case 'gated':
      return `${n} gated by live health: they return when their endpoints recover (checked with every refresh)`;
    case 'blocked':
      return `${n} blocked after repeated NOT_FOUND or BAD_REQUEST reports: lifted when an accepted refresh lists them again (refreshCatalogue)`;
    case 'cooling-down': {
      const soonest = Math.min(...configs.map((config) => standings.cooldownUntil(config) ?? Number.POSITIVE_INFINITY));
      return `${n} cooling down after failures${Number.isFinite(soonest) ? `: the first is usable again at ${new Date(soonest).toISOString()}` : ''}`;
    }
    case 'premium-not-eligible':
      return `${n} premium (the user is not premium-eligible)`;
    case 'excluded-by-caller':
      return `${n} in excludeIds`;
  }
}

/** The choice, or why there is none, in one or two sentences. */
export function explainPick(result: AutoPickResult, request: AutoPickRequest, standings: StandingView): string {
  const groups = result.excluded.map((group) => exclusionMessage(group, request, standings));
  if (result.chosen === null) {
    if (result.consideredCount === 0) return 'No config can serve this turn: the catalogue has none yet.';
    return `No config can serve this turn: of ${plural(result.consideredCount, 'config', 'configs')}, ${groups.join('; ')}.`;
  }
  const rule = `${result.tierLocked ? 'Operator-curated (tier A) candidates exist, so only they compete' : 'No operator-curated candidate, so every usable model competes'}; the top ${result.pool.length} by quality score form the pool and the thread's hash picks #${result.index! + 1}.`;
  return groups.length === 0 ? rule : `${rule} ${plural(result.candidateCount, 'candidate', 'candidates')} of ${result.consideredCount}; left out: ${groups.join('; ')}.`;
}
