import type { ChangeEntryFragment } from '../api/gql/graphql';
import { formatPrice } from './format';


export interface ChangeKind {
  readonly id: string;
  /** Heading of the kind in a timeline entry (`3 added`). */
  readonly label: string;
  readonly tone: 'added' | 'removed' | 'changed' | 'danger' | 'ok';
  /** One line per config the change names. */
  readonly items: (change: ChangeEntryFragment) => readonly string[];
}

const named = (config: { name: string }): string => config.name;

/** Every kind of change a timeline entry lists, in display order: the one place to add one. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  { id: 'added', label: 'added', tone: 'added', items: (change) => change.added.map(named) },
  { id: 'removed', label: 'removed', tone: 'removed', items: (change) => change.removed.map(named) },
  {
    id: 'repriced',
    label: 'repriced',
    tone: 'changed',
    items: (change) =>
      change.repriced.map(
        (price) => `${price.modelName}: prompt ${formatPrice(price.promptBefore)} → ${formatPrice(price.promptAfter)}, completion ${formatPrice(price.completionBefore)} → ${formatPrice(price.completionAfter)} per M`,
      ),
  },
  { id: 'tier-flips', label: 'changed tier', tone: 'changed', items: (change) => change.tierFlips.map((flip) => `${flip.modelName}: ${flip.from} → ${flip.to}`) },
  { id: 'gated', label: 'gated', tone: 'danger', items: (change) => change.newlyGated.map(named) },
  { id: 'ungated', label: 'ungated', tone: 'ok', items: (change) => change.newlyUngated.map(named) },
];
