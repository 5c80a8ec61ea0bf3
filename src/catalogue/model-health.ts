import { pythonFloat } from './python-float.js';

/**
 * The health of one model from its `/endpoints` list (reference §4): whether it is gated out of
 * Auto selection and its score, with the facts behind them.
 */

/** Why live health took a model out of Auto selection. */
export const GATE_REASONS = ['NO_ENDPOINTS', 'NO_OK_ENDPOINT', 'UPTIME_BELOW_THRESHOLD', 'NO_UPTIME_DATA'] as const;
export type GateReason = (typeof GATE_REASONS)[number];

/** The health of one model at one time, as a config serves it. */
export interface ModelHealth {
  readonly gated: boolean;
  /** 0..100 float, null when gated. */
  readonly score: number | null;
  readonly gateReason: GateReason | null;
  /** Best uptime in percent, null when no window had data. */
  readonly bestUptimePct: number | null;
  /** Which window the best uptime came from, e.g. `uptime_last_30m`. */
  readonly uptimeWindow: string | null;
  /** Freshness uptime in percent (5m window first), null when none. */
  readonly freshnessPct: number | null;
  readonly freshnessWindow: string | null;
  readonly endpointCount: number;
  readonly okEndpointCount: number;
  /** Unix milliseconds when the facts were fetched from upstream. */
  readonly checkedAt: number;
  /** True when the latest check failed (or was not trusted) and these are the model's last good values. */
  readonly fromCache: boolean;
}

/** Below this best uptime (percent) a model is gated out of Auto selection. */
export const MIN_UPTIME_PCT = 90;

/** Window order for the best uptime: the first window with any value wins. */
const BEST_UPTIME_WINDOWS = ['uptime_last_30m', 'uptime_last_1d', 'uptime_last_5m'] as const;
/** Window order for freshness: the shortest window first. */
const FRESHNESS_WINDOWS = ['uptime_last_5m', 'uptime_last_30m', 'uptime_last_1d'] as const;

type Endpoint = Readonly<Record<string, unknown>>;

/**
 * An uptime value in percent, or null: null, unparseable (Python `float()` rules) or negative
 * values count as none; values ≤ 1 are fractions and scaled to percent. A non-finite value cannot be
 * served; enrichment refuses such an answer (see unservableUptime), and here it counts as none.
 */
export function uptimePercent(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = pythonFloat(value);
  if (number === null || !Number.isFinite(number) || number < 0) return null;
  return number <= 1 ? number * 100 : number;
}

/**
 * Where an `/endpoints` list carries an uptime that parses to ±Infinity (`"1e309"`, `1e400`, `"inf"`),
 * or null when none does. The original would have served Infinity; here the answer is a failed fetch,
 * so the model keeps its last good health instead.
 */
export function unservableUptime(rawEndpoints: readonly unknown[]): string | null {
  for (const [index, endpoint] of rawEndpoints.map(asEndpoint).entries()) {
    for (const window of BEST_UPTIME_WINDOWS) {
      const value = endpoint[window];
      const number = value === null || value === undefined ? null : pythonFloat(value);
      if (number === Infinity || number === -Infinity) return `data.endpoints[${index}].${window} is not a finite number`;
    }
  }
  return null;
}

/** The highest value of the first window (in `windows` order) that any endpoint reports. */
function firstWindowMax(endpoints: readonly Endpoint[], windows: readonly string[]): { value: number; window: string } | null {
  for (const window of windows) {
    let best: number | null = null;
    for (const endpoint of endpoints) {
      const value = uptimePercent(endpoint[window]);
      if (value !== null && (best === null || value > best)) best = value;
    }
    if (best !== null) return { value: best, window };
  }
  return null;
}

/** Python's `endpoint.get("status", 1) == 0`: numeric zero or False, never the string "0". */
function isOk(endpoint: Endpoint): boolean {
  const status = 'status' in endpoint ? endpoint.status : 1;
  return status === 0 || status === false;
}

function asEndpoint(value: unknown): Endpoint {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Endpoint) : {};
}

/**
 * The health of one model from its `/endpoints` list, checked at `checkedAt` (Unix ms).
 * Score = 0.5 × best uptime + 0.3 × 100 + 0.2 × freshness, clamped to 0..100, computed in that
 * order so the double is the original's to the last bit.
 */
export function aggregateHealth(rawEndpoints: readonly unknown[], checkedAt: number): ModelHealth {
  const endpoints = rawEndpoints.map(asEndpoint);
  const okEndpointCount = endpoints.filter(isOk).length;
  const best = firstWindowMax(endpoints, BEST_UPTIME_WINDOWS);
  const fresh = firstWindowMax(endpoints, FRESHNESS_WINDOWS);
  const facts = {
    bestUptimePct: best?.value ?? null,
    uptimeWindow: best?.window ?? null,
    freshnessPct: fresh?.value ?? best?.value ?? null,
    freshnessWindow: fresh?.window ?? best?.window ?? null,
    endpointCount: endpoints.length,
    okEndpointCount,
    checkedAt,
    fromCache: false,
  };
  const gateReason = gateReasonOf(endpoints.length, okEndpointCount, best?.value ?? null);
  if (gateReason !== null || best === null) return { ...facts, gated: true, score: null, gateReason: gateReason ?? 'NO_UPTIME_DATA' };
  const freshness = fresh?.value ?? best.value;
  const score = Math.min(100, Math.max(0, 0.5 * best.value + 0.3 * 100 + 0.2 * freshness));
  return { ...facts, gated: false, score, gateReason: null };
}

function gateReasonOf(endpointCount: number, okCount: number, bestUptime: number | null): GateReason | null {
  if (endpointCount === 0) return 'NO_ENDPOINTS';
  if (okCount === 0) return 'NO_OK_ENDPOINT';
  if (bestUptime === null) return 'NO_UPTIME_DATA';
  if (bestUptime < MIN_UPTIME_PCT) return 'UPTIME_BELOW_THRESHOLD';
  return null;
}
