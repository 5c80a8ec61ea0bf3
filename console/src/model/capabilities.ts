import type { SelectorEntryFragment } from '../api/gql/graphql';

/** Icons drawn by views/icons.tsx, by name. */
export type CapabilityIcon = 'tools' | 'image';

export interface Capability {
  readonly id: string;
  /** What the icon means, as a person reads it (the icon's accessible name, the filter's label). */
  readonly label: string;
  readonly icon: CapabilityIcon;
  readonly has: (config: SelectorEntryFragment) => boolean;
}

/**
 * Every capability shown as an icon on a model and offered as a filter, in display order: the one
 * place to add one.
 */
export const CAPABILITIES: readonly Capability[] = [
  { id: 'tools', label: 'Tool calling', icon: 'tools', has: (config) => config.supportsTools },
  { id: 'image-input', label: 'Image input', icon: 'image', has: (config) => config.supportsImageInput },
];
