import type { Capability, SelectorEntryFragment } from '../api/gql/graphql';

/** Icons drawn by views/icons.tsx, by name. */
export type CapabilityIcon = 'tools' | 'image' | 'reasoning' | 'structured' | 'web';

export interface CapabilityText {
  /** What the icon means, as a person reads it (the icon's accessible name, the filter's label). */
  readonly label: string;
  readonly icon: CapabilityIcon;
}

/**
 * Every capability the API names (`capabilities.list`), shown as an icon on a model and offered as a
 * filter, in display order: the one place to add one. Typed against the schema's enum, so a
 * capability added to the schema does not compile until it is given a label and an icon here.
 */
export const CAPABILITIES: Record<Capability, CapabilityText> = {
  TOOLS: { label: 'Tool calling', icon: 'tools' },
  IMAGE_INPUT: { label: 'Image input', icon: 'image' },
  REASONING: { label: 'Reasoning', icon: 'reasoning' },
  STRUCTURED_OUTPUTS: { label: 'Structured outputs', icon: 'structured' },
  WEB_SEARCH: { label: 'Web search', icon: 'web' },
};

export const CAPABILITY_ORDER = Object.keys(CAPABILITIES) as Capability[];

/** The capabilities a config has, as the API lists them, in display order. */
export function capabilitiesOf(config: Pick<SelectorEntryFragment, 'capabilities'>): Capability[] {
  return CAPABILITY_ORDER.filter((capability) => config.capabilities.list.includes(capability));
}
