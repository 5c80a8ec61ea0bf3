import type { CapabilityIcon } from '../model/capabilities';

/** A 16 px icon: filled shapes, or lines drawn at 1.3 px. */
interface IconShape {
  readonly d: string;
  readonly lines?: boolean;
}

/** Capability icons, drawn in the text colour, named for assistive technology by the caller. */
const SHAPES: Record<CapabilityIcon, IconShape> = {
  // A wrench.
  tools: { d: 'M10.5 1.5a4 4 0 0 0-3.8 5.2L1.6 11.8a1.4 1.4 0 0 0 2 2l5.1-5.1a4 4 0 0 0 5.2-3.8l-2.3 2.3-2.2-.6-.6-2.2 2.3-2.3a4 4 0 0 0-.6-.6z' },
  // A framed picture: a sun and a hill.
  image: { d: 'M2 2.5h12a.5.5 0 0 1 .5.5v10a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5V3a.5.5 0 0 1 .5-.5zm1 1.5v7.2l3.2-3.4 2.3 2.3 1.6-1.5 2.9 3V4zm8 1.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z' },
  // A light bulb.
  reasoning: { d: 'M8 1a4.6 4.6 0 0 0-2.7 8.3c.5.4.7.8.7 1.3v.9h4v-.9c0-.5.2-.9.7-1.3A4.6 4.6 0 0 0 8 1zM6 12.5h4v.8c0 .9-.7 1.7-1.6 1.7h-.8c-.9 0-1.6-.8-1.6-1.7z' },
  // Curly braces: an answer in a JSON schema.
  structured: { d: 'M5.5 2.5H5A1.5 1.5 0 0 0 3.5 4v2.2c0 .8-.5 1.5-1.5 1.8 1 .3 1.5 1 1.5 1.8V12A1.5 1.5 0 0 0 5 13.5h.5M10.5 2.5h.5A1.5 1.5 0 0 1 12.5 4v2.2c0 .8.5 1.5 1.5 1.8-1 .3-1.5 1-1.5 1.8V12a1.5 1.5 0 0 1-1.5 1.5h-.5', lines: true },
  // A globe.
  web: { d: 'M8 1.6a6.4 6.4 0 1 0 0 12.8A6.4 6.4 0 1 0 8 1.6zM1.6 8h12.8M2.6 4.8h10.8M2.6 11.2h10.8M8 1.6C6.2 3.4 5.3 5.6 5.3 8s.9 4.6 2.7 6.4M8 1.6c1.8 1.8 2.7 4 2.7 6.4s-.9 4.6-2.7 6.4', lines: true },
};

export function Icon({ name, label }: { name: CapabilityIcon; label: string }) {
  const shape = SHAPES[name];
  return (
    <span class="icon" role="img" aria-label={label} title={label} data-icon={name}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        {shape.lines ? <path d={shape.d} fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round" /> : <path d={shape.d} fill="currentColor" fill-rule="evenodd" />}
      </svg>
    </span>
  );
}
