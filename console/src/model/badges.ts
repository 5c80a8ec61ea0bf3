import type { SelectorEntryFragment } from '../api/gql/graphql';
import { gateReasonText } from './availability';
import { formatDay, withoutAuthor } from './format';
import { LIFECYCLES } from './lifecycles';

/** The badge styles in styles.css (`.badge-<tone>`), each with a contrast of at least 4.5:1. */
export type BadgeTone = 'free' | 'danger' | 'warning' | 'info';

export interface BadgeRule {
  readonly id: string;
  readonly tone: BadgeTone;
  /** The badge's text for this config, or null when it does not get it. */
  readonly text: (config: SelectorEntryFragment) => string | null;
  /** The sentence behind it (tooltip and accessible description). */
  readonly explanation: (config: SelectorEntryFragment) => string;
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
];

export interface Badge {
  readonly id: string;
  readonly tone: BadgeTone;
  readonly text: string;
  readonly explanation: string;
}

export function badgesOf(config: SelectorEntryFragment): Badge[] {
  const badges: Badge[] = [];
  for (const rule of BADGES) {
    const text = rule.text(config);
    if (text !== null) badges.push({ id: rule.id, tone: rule.tone, text, explanation: rule.explanation(config) });
  }
  return badges;
}
