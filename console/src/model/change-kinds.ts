import type { ChangeEntryFragment, Tier } from '../api/gql/graphql';
import { formatDay, formatPrice } from './format';

export interface ChangeKind {
  readonly id: string;
  /** Heading of the kind in a timeline entry (`3 added`). */
  readonly label: string;
  readonly tone: 'added' | 'removed' | 'changed' | 'danger' | 'ok';
  /** One line per config the change names. */
  readonly items: (change: ChangeEntryFragment) => readonly string[];
}

const named = (config: { name: string }): string => config.name;

/**
 * The tier a flip left: with two tiers, the other one (changes.graphql leaves `from` out, it would cost
 * 500). Typed against the schema's enum, so a third tier does not compile until this says what it left.
 */
const OTHER_TIER: Record<Tier, Tier> = { FREE: 'PREMIUM', PREMIUM: 'FREE' };

/** Every kind of change a timeline entry lists, in display order: the one place to add one. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  { id: 'added', label: 'added', tone: 'added', items: (change) => change.added.map(named) },
  { id: 'removed', label: 'removed', tone: 'removed', items: (change) => change.removed.map(named) },
  {
    id: 'retired',
    label: 'retired',
    tone: 'danger',
    items: (change) => change.retired.map((config) => `${config.name}: ${config.successor ? `successor ${config.successor.name}` : 'no successor named'}`),
  },
  { id: 'reinstated', label: 'reinstated', tone: 'ok', items: (change) => change.reinstated.map(named) },
  { id: 'expiring', label: 'expiring', tone: 'changed', items: (change) => change.expiring.map((config) => `${config.name}: OpenRouter stops serving it on ${formatDay(config.expiresAt)}`) },
  {
    id: 'repriced',
    label: 'repriced',
    tone: 'changed',
    items: (change) =>
      change.repriced.map(
        (price) => `${price.modelName}: prompt ${formatPrice(price.promptBefore)} → ${formatPrice(price.promptAfter)}, completion ${formatPrice(price.completionBefore)} → ${formatPrice(price.completionAfter)} per M`,
      ),
  },
  { id: 'tier-flips', label: 'changed tier', tone: 'changed', items: (change) => change.tierFlips.map((flip) => `${flip.modelName}: ${OTHER_TIER[flip.to]} → ${flip.to}`) },
  { id: 'gated', label: 'gated', tone: 'danger', items: (change) => change.newlyGated.map(named) },
  { id: 'ungated', label: 'ungated', tone: 'ok', items: (change) => change.newlyUngated.map(named) },
];
