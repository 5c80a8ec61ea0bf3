/**
 * The OpenRouter integration's settings, validated and defaulted: plain data the catalogue rules read
 * (src/config/operator-config.ts makes them from the operator file).
 */

/** Settings of the OpenRouter integration, with the original's defaults. */
export interface OpenRouterSettings {
  readonly enabled: boolean;
  readonly idOffset: number;
  readonly seoEnabled: boolean;
  readonly quotaReserveTokens: number;
  readonly rpm: number;
  readonly tpm: number;
  readonly freeRpm: number;
  readonly freeTpm: number;
  readonly anonymousEnabledPaid: boolean;
  readonly anonymousEnabledFree: boolean;
  readonly litellmParams: Readonly<Record<string, unknown>>;
  readonly systemInstructions: string;
  readonly useDefaultSystemInstructions: boolean;
  readonly citationsEnabled: boolean;
  /** Whether an API key is configured; the key itself lives in `Secrets`. */
  readonly hasApiKey: boolean;
  /** Hours between background refreshes; 0 disables them. */
  readonly refreshIntervalHours: number;
  /** A refresh that shrinks the kept set by more than this fraction is rejected unless forced. */
  readonly maxShrinkFraction: number;
  /** A refresh whose list has more than this fraction of malformed model objects is rejected unless forced. */
  readonly maxMalformedFraction: number;
  /** A refresh that keeps more than this many times the OpenRouter models being served is rejected unless forced. */
  readonly maxGrowthFactor: number;
  /** At most this many OpenRouter models are kept (in payload order); the rest are counted as `over-max-models`. */
  readonly maxModels: number;
  /** A model whose id, name or price string is longer than this is left out (`string-over-max-length`). */
  readonly maxStringLength: number;
  /** The data file may be at most this many MiB: larger files are not read, and change records are trimmed to fit. */
  readonly maxSnapshotMib: number;
  /** A model released within this many days is served as NEW. */
  readonly newModelDays: number;
  /** A model OpenRouter stops serving within this many days is served as EXPIRING. */
  readonly expiringDays: number;
  /** A model gone from OpenRouter's list stays served this many days as RETIRED, then is removed (0: at once). */
  readonly retirementGraceDays: number;
}

export const DEFAULT_OPENROUTER_SETTINGS: OpenRouterSettings = Object.freeze({
  enabled: true,
  idOffset: -10_000,
  seoEnabled: false,
  quotaReserveTokens: 4000,
  rpm: 200,
  tpm: 1_000_000,
  freeRpm: 20,
  freeTpm: 100_000,
  anonymousEnabledPaid: false,
  anonymousEnabledFree: false,
  litellmParams: Object.freeze({}),
  systemInstructions: '',
  useDefaultSystemInstructions: true,
  citationsEnabled: true,
  hasApiKey: false,
  refreshIntervalHours: 24,
  maxShrinkFraction: 0.5,
  maxMalformedFraction: 0.1,
  // The real list keeps about 230 models with ids and names under 70 characters in a ~150 KiB data
  // file: these leave room for years of growth while bounding what one bad list can cost.
  maxGrowthFactor: 3,
  maxModels: 5_000,
  maxStringLength: 1_000,
  maxSnapshotMib: 64,
  newModelDays: 14,
  expiringDays: 30,
  retirementGraceDays: 7,
});
