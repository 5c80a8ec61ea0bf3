import type { CapabilityIcon } from '../model/capabilities';

/** Capability icons: 16 px, drawn in the text colour, named for assistive technology by the caller. */
const PATHS: Record<CapabilityIcon, string> = {
  // A wrench.
  tools: 'M10.5 1.5a4 4 0 0 0-3.8 5.2L1.6 11.8a1.4 1.4 0 0 0 2 2l5.1-5.1a4 4 0 0 0 5.2-3.8l-2.3 2.3-2.2-.6-.6-2.2 2.3-2.3a4 4 0 0 0-.6-.6z',
  // A framed picture: a sun and a hill.
  image: 'M2 2.5h12a.5.5 0 0 1 .5.5v10a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5V3a.5.5 0 0 1 .5-.5zm1 1.5v7.2l3.2-3.4 2.3 2.3 1.6-1.5 2.9 3V4zm8 1.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
};

export function Icon({ name, label }: { name: CapabilityIcon; label: string }) {
  return (
    <span class="icon" role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={PATHS[name]} fill="currentColor" fill-rule="evenodd" />
      </svg>
    </span>
  );
}
