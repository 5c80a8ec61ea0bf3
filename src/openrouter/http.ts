import { request, type Dispatcher } from 'undici';

/** Why an upstream call failed; the kinds are stable so callers and tests can branch on them. */
export type UpstreamFailureKind =
  | 'timeout'
  | 'aborted'
  | 'transport'
  | 'http-status'
  | 'too-large'
  | 'not-json'
  | 'bad-shape';

/**
 * A failed upstream call. The message names the URL path and the cause but never a header,
 * so the API key cannot end up in a log line or a GraphQL error.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    /** HTTP status when the upstream answered, else null. */
    readonly status: number | null = null,
    /** Seconds the upstream asked us to wait (Retry-After on 429/503), else null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface GetBytesOptions {
  readonly dispatcher: Dispatcher;
  readonly headers?: Record<string, string>;
  /** Overall budget for headers and body together. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

/**
 * Longest wait a `Retry-After` may ask for. The value is served (as a 32-bit Int) and delays the
 * next attempt: `Retry-After: 99999999999` must neither break the answer nor stop refreshes for years.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Parses an HTTP `Retry-After` value (seconds or HTTP date) into whole seconds, at most MAX_RETRY_AFTER_SECONDS. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return null;
  if (/^\d+$/.test(raw.trim())) return Math.min(MAX_RETRY_AFTER_SECONDS, Number(raw.trim()));
  const dateMs = Date.parse(raw);
  if (Number.isNaN(dateMs)) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((dateMs - nowMs) / 1000)));
}

/**
 * GET a URL through the injected dispatcher and return the body bytes of a 2xx answer.
 * Redirects are not followed (undici's `request` never does): a 3xx is a failure, so a
 * compromised or misconfigured upstream cannot bounce us to another host.
 */
export async function getBytes(url: URL, options: GetBytesOptions): Promise<Buffer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const where = url.pathname;
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method: 'GET',
      dispatcher: options.dispatcher,
      headers: { accept: 'application/json', ...options.headers },
      signal,
    });
  } catch (error) {
    throw classifyAbort(error, where, options, timeout) ?? new UpstreamError('transport', `GET ${where}: ${describe(error)}`);
  }
  const { statusCode, headers, body } = response;
  if (statusCode < 200 || statusCode >= 300) {
    body.resume();
    const retryAfter = statusCode === 429 || statusCode === 503 ? parseRetryAfter(headers['retry-after']) : null;
    const location = statusCode >= 300 && statusCode < 400 ? ' (redirect not followed)' : '';
    throw new UpstreamError('http-status', `GET ${where}: HTTP ${statusCode}${location}`, statusCode, retryAfter);
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    body.destroy();
    throw new UpstreamError('too-large', `GET ${where}: body of ${declared} bytes exceeds the ${options.maxBytes}-byte cap`, statusCode);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBytes) {
        body.destroy();
        throw new UpstreamError('too-large', `GET ${where}: body exceeds the ${options.maxBytes}-byte cap`, statusCode);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw classifyAbort(error, where, options, timeout) ?? new UpstreamError('transport', `GET ${where}: body interrupted: ${describe(error)}`, statusCode);
  }
  return Buffer.concat(chunks, size);
}

/** Parses bytes as JSON, turning a syntax error into an UpstreamError that says where it came from. */
export function parseJsonBody(bytes: Uint8Array, where: string, secrets: readonly (string | null | undefined)[] = []): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    // V8's message quotes the body around the error, so only its shape is kept, never its text.
    throw new UpstreamError('not-json', `${where}: body is not JSON (${syntaxProblem(error)}; ${bytes.byteLength} bytes, starts with ${JSON.stringify(bodyExcerpt(bytes, secrets))})`);
  }
}

function syntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('end of JSON input')) return 'it ends early';
  const position = /at position (\d+)/.exec(message);
  return position ? `syntax error at character ${position[1]}` : 'syntax error';
}

/** How much of an upstream body a message may quote (after redaction). */
export const BODY_EXCERPT_CHARS = 32;

/**
 * The start of an upstream body, safe to put in an error message, a log line or an API response:
 * at most BODY_EXCERPT_CHARS characters, control characters blanked, and anything that looks like a
 * credential replaced. An upstream that echoes the request (a debug endpoint, a misconfigured proxy)
 * would otherwise hand our own `Authorization: Bearer sk-or-…` to anyone who reads the refresh report.
 */
export function bodyExcerpt(bytes: Uint8Array, secrets: readonly (string | null | undefined)[] = []): string {
  // Twice the quoted length, so a credential cut at the edge is still recognised before truncation.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, BODY_EXCERPT_CHARS * 4)).toString('utf8');
  for (const secret of secrets) if (secret) text = text.replaceAll(secret, '[redacted]');
  text = text
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/gu, ' ')
    .replace(/\b(bearer|basic|token|api[-_]?key|key|secret|password|authorization)(\s*[:=]\s*|\s+)("?)[^\s",;]+/gi, '$1$2$3[redacted]')
    .replace(/\bsk-[A-Za-z0-9_-]*/g, '[redacted]')
    // A long unbroken run of token characters is a credential more often than a word.
    .replace(/[A-Za-z0-9_\-+/=~]{16,}/g, '[redacted]');
  const chars = [...text];
  return chars.length > BODY_EXCERPT_CHARS ? `${chars.slice(0, BODY_EXCERPT_CHARS).join('')}…` : text;
}

function classifyAbort(error: unknown, where: string, options: GetBytesOptions, timeout: AbortSignal): UpstreamError | null {
  if (timeout.aborted) return new UpstreamError('timeout', `GET ${where}: no complete answer within ${options.timeoutMs} ms`);
  if (options.signal?.aborted) return new UpstreamError('aborted', `GET ${where}: aborted`);
  void error;
  return null;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}
