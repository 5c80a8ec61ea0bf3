import { pino, stdSerializers, type DestinationStream } from 'pino';
import { currentRequestContext } from './observability/request-context.js';
import { REDACTED, secretScrubber } from './observability/secret-scrubber.js';

/**
 * The structured logger: pino writing one JSON object per line to stderr, in batches (stdout stays free for CLI
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
  const stderr = write ? null : batchedStderr();
  const sink: DestinationStream = { write: (chunk: string) => (write ? write(scrub(chunk).replace(/\n$/, '')) : stderr!.add(scrub(chunk))) };
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
      // Warnings and errors are written at once: they are what one reads after a crash.
      if (level === 'warn' || level === 'error') stderr?.flush();
    };
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}

/** Lines written to stderr in batches: see `batchedStderr`. */
interface BatchedWriter {
  add(line: string): void;
  flush(): void;
}

/** Bytes gathered before they are written even within one turn of the event loop. */
const BATCH_BYTES = 64 * 1024;

/**
 * Lines gathered and written to stderr once per turn of the event loop, synchronously (pino's
 * synchronous destination, which retries a busy pipe), and whatever is pending when the process exits,
 * `process.exit()` included. One system call per access-log line cost ~5% of a cached answer
 * (bench/RESULTS.md); under load a turn answers several requests. What can be lost is the last turn's
 * info lines when the process is killed outright (SIGKILL, a V8 abort).
 */
function batchedStderr(): BatchedWriter {
  const destination = pino.destination({ dest: 2, sync: true });
  let pending: string[] = [];
  let bytes = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    bytes = 0;
    destination.write(text);
  };
  process.on('exit', flush);
  return {
    add(line) {
      pending.push(line);
      bytes += line.length;
      if (bytes >= BATCH_BYTES) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush).unref();
      }
    },
    flush,
  };
}

/** A logger that drops everything (for benchmarks and tests that don't inspect logs). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
