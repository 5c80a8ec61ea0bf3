import type { SelectorEntryFragment } from '../api/gql/graphql';
import { badgesOf, type BadgeSubject } from '../model/badges';
import { CAPABILITIES, capabilitiesOf } from '../model/capabilities';
import { Icon } from './icons';

export function Badges({ config }: { config: BadgeSubject }) {
  // Rendered even when empty: the list's columns line up by position.
  const badges = badgesOf(config);
  return (
    <span class="badges">
      {badges.map((badge) => (
        <span key={badge.id} class={`badge badge-${badge.tone}`} data-badge={badge.id} title={badge.explanation}>
          {badge.text}
        </span>
      ))}
    </span>
  );
}

export function CapabilityIcons({ config }: { config: SelectorEntryFragment }) {
  return (
    <span class="capabilities">
      {capabilitiesOf(config).map((capability) => (
        <Icon key={capability} name={CAPABILITIES[capability].icon} label={CAPABILITIES[capability].label} />
      ))}
    </span>
  );
}
