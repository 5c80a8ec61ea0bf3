import { z } from 'zod';
import { formatZodError } from './config/zod-issues.js';
import { DEFAULT_HTTP_LIMITS } from './http/client-limits.js';
import { parseCorsOrigins } from './http/cors.js';
import { DEFAULT_OPENROUTER_BASE_URL } from './openrouter/models-client.js';

/**
 * The process environment, parsed once. This module is the only reader of `process.env`;
 * everything else receives values from it.
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CATALOGUE_CONFIG: optionalNonEmpty,
  OPENROUTER_BASE_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_OPENROUTER_BASE_URL),
  OPENROUTER_API_KEY: optionalNonEmpty,
  // Short tokens can be brute-forced; refuse them rather than run a weakly protected mutation.
  ADMIN_TOKEN: optionalNonEmpty.refine((value) => value === undefined || value.length >= 16, 'must be at least 16 characters when set'),
  DATA_DIR: z.string().min(1).default('./data'),
  GRAPHIQL: booleanFlag.default(true),
  REFRESH_INTERVAL_HOURS: z.coerce.number().min(0).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  REDIS_URL: optionalNonEmpty,
  REDIS_LEASE_TTL_MS: z.coerce.number().int().min(300).default(15_000),
  REPLICA_ID: optionalNonEmpty,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Origins whose pages may read the API: `*` or a comma-separated list of origins.
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => parseCorsOrigins(value))
    .refine((origins) => origins === '*' || origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), 'must be * or a comma-separated list of origins like https://app.example.com (scheme and host, no path)'),
  RATE_LIMIT_POINTS_PER_SECOND: z.coerce.number().int().min(0).default(DEFAULT_HTTP_LIMITS.pointsPerSecond),
  MAX_CONCURRENT_EXECUTIONS: z.coerce.number().int().min(1).default(DEFAULT_HTTP_LIMITS.maxConcurrentExecutions),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(DEFAULT_HTTP_LIMITS.trustedProxyHops),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment, reporting every problem at once. Values of secrets never appear in errors. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const known = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, source[key]]));
  const result = envSchema.safeParse(known);
  if (!result.success) {
    // Describe types only: formatZodError never echoes values, so a malformed token is not printed.
    throw new EnvError(formatZodError(result.error, known));
  }
  return result.data;
}
