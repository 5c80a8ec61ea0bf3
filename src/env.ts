import { z } from 'zod';
import { DEFAULT_OUTCOME_SETTINGS } from './catalogue/outcome-policy.js';
import { DEFAULT_HTTP_LIMITS } from './http/client-limits.js';
import { parseCorsOrigins } from './http/cors.js';
import { DEFAULT_MAX_QUERY_COST } from './http/query-cost.js';
import { formatZodError } from './input/zod-issues.js';
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

/**
 * RFC 7235 token68, the syntax of a Bearer credential. A token outside it (a space, a non-ASCII letter)
 * can never arrive intact in an `Authorization` header, so it could never match: refuse it at startup.
 */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** What is wrong with a token that is not token68, without echoing any of it (it is a secret). */
function token68Problem(value: string): string {
  const kind = /\s/.test(value)
    ? 'whitespace'
    : /[^\x20-\x7e]/.test(value)
      ? 'a non-ASCII or control character'
      : /=[^=]/.test(value)
        ? "an '=' before the end"
        : 'a punctuation character outside - . _ ~ + /';
  return `must contain only the RFC 7235 token68 characters (A-Z a-z 0-9 - . _ ~ + / and trailing =), found ${kind}`;
}

// Only an empty value means unset: a value of blanks is a mistake to report, not an absent token.
const bearerToken = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .superRefine((value, context) => {
    if (value === undefined) return;
    if (!TOKEN68.test(value)) context.addIssue({ code: 'custom', message: token68Problem(value) });
    // Short tokens can be brute-forced; refuse them rather than run a weakly protected mutation.
    if (value.length < 16) context.addIssue({ code: 'custom', message: 'must be at least 16 characters when set' });
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CATALOGUE_CONFIG: optionalNonEmpty,
  OPENROUTER_BASE_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_OPENROUTER_BASE_URL),
  OPENROUTER_API_KEY: optionalNonEmpty,
  ADMIN_TOKEN: bearerToken,
  // The chat backend's credential for reportModelOutcome: a scope of its own, checked like ADMIN_TOKEN.
  SERVICE_TOKEN: bearerToken,
  // Cooldown after a failed call (RATE_LIMITED, UNAVAILABLE) without Retry-After, and the longest any cooldown lasts.
  COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_OUTCOME_SETTINGS.cooldownSeconds),
  COOLDOWN_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_OUTCOME_SETTINGS.maxCooldownSeconds),
  DATA_DIR: z.string().min(1).default('./data'),
  GRAPHIQL: booleanFlag.default(true),
  // The console page at /console (built into dist/console/ by `npm run build`).
  CONSOLE: booleanFlag.default(true),
  REFRESH_INTERVAL_HOURS: z.coerce.number().min(0).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  REDIS_URL: optionalNonEmpty,
  REDIS_LEASE_TTL_MS: z.coerce.number().int().min(300).default(15_000),
  REPLICA_ID: optionalNonEmpty,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Metrics get their own port so a load balancer never exposes them; `off` turns them off.
  METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)]).default(9464),
  METRICS_HOST: optionalNonEmpty,
  // Origins whose pages may read the API: `*` or a comma-separated list of origins.
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => parseCorsOrigins(value))
    .refine((origins) => origins === '*' || origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), 'must be * or a comma-separated list of origins like https://app.example.com (scheme and host, no path)'),
  RATE_LIMIT_POINTS_PER_SECOND: z.coerce.number().int().min(0).default(DEFAULT_HTTP_LIMITS.pointsPerSecond),
  // The cost limit of a query (src/http/query-cost.ts); raise it to answer every field of every config (~33,000).
  MAX_QUERY_COST: z.coerce.number().int().min(1_000).max(10_000_000).default(DEFAULT_MAX_QUERY_COST),
  MAX_CONCURRENT_EXECUTIONS: z.coerce.number().int().min(1).default(DEFAULT_HTTP_LIMITS.maxConcurrentExecutions),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(DEFAULT_HTTP_LIMITS.trustedProxyHops),
});

/** Settings that are wrong together: checked once each alone is valid. */
const checkedEnv = envSchema.superRefine((env, context) => {
  // One token opening both scopes would let whoever holds the chat backend's token refresh the catalogue.
  if (env.SERVICE_TOKEN !== undefined && env.SERVICE_TOKEN === env.ADMIN_TOKEN) context.addIssue({ code: 'custom', path: ['SERVICE_TOKEN'], message: 'must differ from ADMIN_TOKEN (each opens its own operations)' });
  if (env.COOLDOWN_MAX_SECONDS < env.COOLDOWN_SECONDS) {
    context.addIssue({ code: 'custom', path: ['COOLDOWN_MAX_SECONDS'], message: `must be at least COOLDOWN_SECONDS (${env.COOLDOWN_SECONDS}), got ${env.COOLDOWN_MAX_SECONDS}` });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the server reads (deployment files are checked against it). */
export const ENV_KEYS: readonly string[] = Object.keys(envSchema.shape);

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment, reporting every problem at once. Values of secrets never appear in errors. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const known = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, source[key]]));
  const result = checkedEnv.safeParse(known);
  if (!result.success) {
    // Describe types only: formatZodError never echoes values, so a malformed token is not printed.
    throw new EnvError(formatZodError(result.error, known));
  }
  return result.data;
}
