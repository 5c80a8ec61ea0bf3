import { pino, stdSerializers, type DestinationStream } from 'pino';
import { currentRequestContext } from './observability/request-context.js';
import { REDACTED, secretScrubber } from './observability/secret-scrubber.js';

/**
 * The structured logger: pino writing one JSON object per line to stderr (stdout stays free for CLI
 * output), `{"level":"info","time":"…","msg":"…",…fields}`. Lines logged while serving a request
 * carry its `requestId`. Secrets are kept out twice: pino's `redact` censors fields that hold
 * credentials by name, and registered secret values are replaced wherever they appear in a finished
 * line, as a last line of defence; code should never pass a secret to a logger in the first place.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where finished lines go (without the newline); defaults to stderr. Tests pass a collector. */
  readonly write?: (line: string) => void;
  /** Strings that must never appear in output (API keys, the admin and service tokens, the Redis password). */
  readonly secrets?: readonly (string | null | undefined)[];
  readonly now?: () => number;
}

/**
 * Fields that hold credentials, by name. Explicit paths only: a wildcard (`*.token`) would cost ~7 µs on
 * every line (the access log writes one per request); the secret scrubber covers values anywhere.
 */
const CREDENTIAL_FIELDS = ['authorization', 'cookie', 'apiKey', 'api_key', 'adminToken', 'serviceToken', 'token', 'password', 'secret', 'headers.authorization', 'headers.cookie'];

export function createLogger(options: LoggerOptions = {}): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  const write = options.write;
  // Synchronous writes: a line logged just before process.exit() is never lost.
  const stderr = write ? null : pino.destination({ dest: 2, sync: true });
  const sink: DestinationStream = { write: (chunk: string) => (write ? write(scrub(chunk).replace(/\n$/, '')) : stderr!.write(scrub(chunk))) };
  const now = options.now;
  const base = pino(
    {
      level: options.level ?? 'info',
      base: null,
      messageKey: 'msg',
      timestamp: now ? () => `,"time":"${new Date(now()).toISOString()}"` : pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: stdSerializers.err, err: stdSerializers.err },
      redact: { paths: CREDENTIAL_FIELDS, censor: REDACTED },
      mixin: () => {
        const request = currentRequestContext();
        return request ? { requestId: request.requestId } : {};
      },
    },
    sink,
  );
  const method =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields) base[level](fields, message);
      else base[level](message);
    };
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}

/** A logger that drops everything (for benchmarks and tests that don't inspect logs). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
