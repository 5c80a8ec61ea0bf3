import type { SelectorEntryFragment, StandingFragment } from '../api/gql/graphql';

/** A config as a view has it: the list's fields, and its standing where the view read it (the details do). */
export type BadgeSubject = SelectorEntryFragment & Partial<StandingFragment>;
import { gateReasonText } from './availability';
import { formatDay, withoutAuthor } from './format';
import { LIFECYCLES } from './lifecycles';

/** `2026-11-24T10:10:05.000Z` → `10:10:05 UTC` (a cooldown lasts a day at most; the tooltip has the date). */
function untilText(iso: string): string {
  return `${iso.slice(11, 19)} UTC`;
}

/** The badge styles in styles.css (`.badge-<tone>`), each with a contrast of at least 4.5:1. */
export type BadgeTone = 'free' | 'danger' | 'warning' | 'info';

export interface BadgeRule {
  readonly id: string;
  readonly tone: BadgeTone;
  /** The badge's text for this config, or null when it does not get it. */
  readonly text: (config: BadgeSubject) => string | null;
  /** The sentence behind it (tooltip and accessible description). */
  readonly explanation: (config: BadgeSubject) => string;
}

/**
 * Every badge a user sees next to a model, in display order: the one place to add one. The list rows,
 * the details panel and the tests read them from here.
 */
export const BADGES: readonly BadgeRule[] = [
  {
    id: 'free',
    tone: 'free',
    // Auto is billed per the model it picks, so it carries no tier badge.
    text: (config) => (config.tier === 'FREE' && config.source !== 'AUTO' ? 'Free' : null),
    explanation: () => 'Free to use: does not count against premium quotas.',
  },
  {
    id: 'new',
    tone: 'info',
    text: (config) => (config.lifecycle === 'NEW' ? 'New' : null),
    explanation: () => LIFECYCLES.NEW.explanation,
  },
  {
    id: 'expiring',
    tone: 'warning',
    text: (config) => (config.lifecycle === 'EXPIRING' ? `Expires ${formatDay(config.expiresAt)}` : null),
    explanation: (config) => `OpenRouter stops serving it on ${formatDay(config.expiresAt)} (00:00 UTC): pick another model before then.`,
  },
  {
    id: 'retired',
    tone: 'danger',
    // The successor is named in the badge itself: it is what a user needs to move a pinned thread.
    text: (config) => (config.lifecycle === 'RETIRED' ? (config.successor ? `Retired → ${withoutAuthor(config.successor.name)}` : 'Retired') : null),
    explanation: (config) => `${LIFECYCLES.RETIRED.explanation} ${config.successor ? `Its successor is ${config.successor.name}.` : 'No successor could be named.'}`,
  },
  {
    id: 'gated',
    tone: 'danger',
    text: (config) => (config.healthGated ? `Gated: ${gateReasonText(config.health?.gateReason).label}` : null),
    explanation: (config) => `Left out of Auto selection by live health. ${gateReasonText(config.health?.gateReason).explanation}`,
  },
  {
    id: 'blocked',
    tone: 'danger',
    text: (config) => (config.blockedReason ? 'Blocked' : null),
    explanation: (config) => `Left out of Auto selection: ${config.blockedReason ?? ''}.`,
  },
  {
    id: 'cooling-down',
    tone: 'warning',
    text: (config) => (config.cooldownUntil ? `Cooling down until ${untilText(config.cooldownUntil)}` : null),
    explanation: (config) => `The chat backend reported a rate limit or an outage: Auto skips it until ${config.cooldownUntil ?? ''}.`,
  },
];

export interface Badge {
  readonly id: string;
  readonly tone: BadgeTone;
  readonly text: string;
  readonly explanation: string;
}

export function badgesOf(config: BadgeSubject): Badge[] {
  const badges: Badge[] = [];
  for (const rule of BADGES) {
    const text = rule.text(config);
    if (text !== null) badges.push({ id: rule.id, tone: rule.tone, text, explanation: rule.explanation(config) });
  }
  return badges;
}
