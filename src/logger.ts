/**
 * A small structured logger: one JSON object per line on stderr (stdout stays free for CLI output).
 * Secrets registered with `redact` are replaced wherever they appear in a line, as a last line of
 * defence; code should never pass a secret to a logger in the first place.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where finished lines go; defaults to stderr. Tests pass a collector. */
  readonly write?: (line: string) => void;
  /** Strings that must never appear in output (API keys, the admin token). */
  readonly secrets?: readonly (string | null | undefined)[];
  readonly now?: () => number;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVEL_RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const now = options.now ?? Date.now;
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LEVEL_RANK[level] < threshold) return;
    let line = JSON.stringify({ time: new Date(now()).toISOString(), level, msg: message, ...fields }, errorReplacer);
    // A secret may appear as written or JSON-escaped inside a string value.
    for (const secret of secrets) line = line.replaceAll(secret, '[redacted]').replaceAll(JSON.stringify(secret).slice(1, -1), '[redacted]');
    write(line);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that drops everything (for benchmarks and tests that don't inspect logs). */
export const silentLogger: Logger = createLogger({ write: () => {} });
