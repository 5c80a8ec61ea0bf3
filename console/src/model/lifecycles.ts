import type { Lifecycle } from '../api/gql/graphql';

export interface LifecycleText {
  /** As a filter choice and in the details. */
  readonly label: string;
  /** One sentence: what the stage means for a user. */
  readonly explanation: string;
}

/**
 * Every stage of a model's life the API gives, in the order a person reads them. Typed against the
 * schema's enum, so a stage added to the schema does not compile until it is described here.
 */
export const LIFECYCLES: Record<Lifecycle, LifecycleText> = {
  NEW: { label: 'New', explanation: 'Released recently (within the operator’s new_model_days, 14 by default).' },
  ACTIVE: { label: 'Active', explanation: 'Listed, neither new nor about to leave.' },
  EXPIRING: { label: 'Expiring', explanation: 'OpenRouter has announced the day it stops serving it.' },
  RETIRED: { label: 'Retired', explanation: 'Gone from OpenRouter’s list: still served for a grace period so pinned threads keep working, never picked by Auto.' },
};

export const LIFECYCLE_ORDER = Object.keys(LIFECYCLES) as Lifecycle[];
