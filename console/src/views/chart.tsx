import { useEffect, useRef, useState } from 'preact/hooks';

type Charts = typeof import('../charts/charts');

let charts: Promise<Charts> | null = null;

/** The charting code (Observable Plot) loads on first use, after the selector list is on screen. */
export function loadCharts(): Promise<Charts> {
  charts ??= import('../charts/charts');
  return charts;
}

/**
 * A chart drawn by `draw` with the charts module, redrawn when `inputs` change. Its description (for
 * people who cannot see it) is the figure's caption, given by the caller next to it.
 */
export function Chart({ draw, inputs, name }: { draw: (charts: Charts) => Element; inputs: readonly unknown[]; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    loadCharts()
      .then((module) => {
        if (current) box.current?.replaceChildren(module.forPage(draw(module)));
      })
      .catch((error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, inputs);
  return failure ? <p class="error">The {name} could not be drawn: {failure}</p> : <div class="chart" ref={box} data-chart={name} />;
}
