import type { OpenRouterSettings } from '../config/openrouter-settings.js';
import type { BuiltCatalogue } from './build.js';
import type { GuardName, RefreshOutcome } from './refresh-types.js';
import { countConfigs, listedOpenRouterCount } from './version.js';

type GuardRejection = Extract<RefreshOutcome, { kind: 'rejected-by-guard' }>;

type GuardSettings = Pick<OpenRouterSettings, 'maxMalformedFraction' | 'maxShrinkFraction' | 'maxGrowthFactor'>;

/**
 * Guards against fetched lists that are clearly wrong: largely malformed, empty, far smaller or
 * implausibly larger than the one being served. Returns the rejection, or null to accept the list.
 * `validCount` is the number of well-formed model objects in the list; `currentCount` the OpenRouter
 * configs the last accepted list kept. Both sides leave retired configs out: `built` is the fetched
 * list alone (retirements are added after the guards), and a model served in its grace is not in the
 * list it left, so counting it would let a list that lost most of its models pass as one that did not.
 * Pure: the same list and count always get the same verdict.
 */
export function guardFetchedList(built: BuiltCatalogue, validCount: number, currentCount: number, settings: GuardSettings): GuardRejection | null {
  const fetchedCount = listedOpenRouterCount(countConfigs(built.configs));
  const { malformedCount, malformed } = built.leftOut;
  const total = validCount + malformedCount;
  const { maxMalformedFraction: maxMalformed, maxShrinkFraction: maxShrink, maxGrowthFactor: maxGrowth } = settings;
  const reject = (guard: GuardName, message: string): GuardRejection => ({ kind: 'rejected-by-guard', guard, message, currentCount, fetchedCount });
  if (total > 0 && malformedCount / total > maxMalformed) {
    return reject('MALFORMED', `${malformedCount} of ${total} model objects are malformed (limit ${Math.round(maxMalformed * 100)}%), first: ${malformed[0]?.reason ?? 'unknown'}; use force to accept the valid ones`);
  }
  if (fetchedCount === 0) return reject('EMPTY', `the fetched list kept no OpenRouter model (serving ${currentCount}); use force to accept it`);
  if (currentCount > 0 && (currentCount - fetchedCount) / currentCount > maxShrink) {
    const percent = Math.round(((currentCount - fetchedCount) / currentCount) * 100);
    return reject('SHRUNK', `the fetched list keeps ${fetchedCount} OpenRouter models against ${currentCount} served (${percent}% fewer, limit ${Math.round(maxShrink * 100)}%); use force to accept it`);
  }
  // Compared before max_models cuts the list: 100,000 models against 228 served is implausible even if only 5,000 would be kept.
  const wouldKeep = fetchedCount + (built.leftOut.excluded['over-max-models'] ?? 0);
  if (currentCount > 0 && wouldKeep > currentCount * maxGrowth) {
    const capped = wouldKeep > fetchedCount ? ` (${fetchedCount} after max_models)` : '';
    return reject('GROWN', `the fetched list keeps ${wouldKeep} OpenRouter models${capped} against ${currentCount} served (over ${maxGrowth}× as many); use force to accept it`);
  }
  return null;
}
