import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * The headers Yoga gives a successful answer, learnt from Yoga itself, by request class: method,
 * `Accept`, `Content-Type` and `Origin` (every request header Yoga's answer to an anonymous query
 * depends on; requests with any other that matters never reach the fast lane) and kind of answer
 * (`fresh`: executed for this request; `kept`: from the response cache, with its validator). The
 * fast lane answers a class only once Yoga has answered one of its requests, with exactly those
 * headers; only the request id, the length and the validator are the answer's own. A class whose
 * answers ever disagree is left to Yoga for good.
 */

export type AnswerKind = 'fresh' | 'kept';

/** Headers that belong to one answer, not to its class; Node adds its own (date, connection) itself. */
const OWN_HEADERS = new Set(['x-request-id', 'content-length', 'etag', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const ABSENT = '\u0000';

/** The class of a request, from the request headers Yoga's answer depends on. */
export function requestClass(method: string, accept: string | undefined, contentType: string | undefined, origin: string | undefined): string {
  return `${method}\n${accept ?? ABSENT}\n${contentType ?? ABSENT}\n${origin ?? ABSENT}`;
}

export class AnswerTemplate {
  constructor(
    private readonly reason: string | undefined,
    /** Names and values, flat. */
    readonly fixed: readonly string[],
    private readonly withLength: boolean,
  ) {}

  write(res: ServerResponse, body: Buffer, requestId: string, etag: string | null): void {
    const headers = [...this.fixed, 'x-request-id', requestId];
    if (this.withLength) headers.push('content-length', String(body.length));
    if (etag !== null) headers.push('etag', etag);
    if (this.reason === undefined) res.writeHead(200, headers);
    else res.writeHead(200, this.reason, headers);
    res.end(body);
  }

  sameAs(other: AnswerTemplate): boolean {
    return this.reason === other.reason && this.withLength === other.withLength && this.fixed.join('\n') === other.fixed.join('\n');
  }
}

/** The headers of one answer as `writeHead` is about to send them: set before, and given to it. */
function headersOf(res: ServerResponse, given: unknown): Map<string, string> | null {
  const all = new Map<string, string>();
  const add = (name: string, value: unknown): boolean => {
    if (Array.isArray(value)) return false;
    all.set(name.toLowerCase(), String(value));
    return true;
  };
  for (const [name, value] of Object.entries(res.getHeaders() as OutgoingHttpHeaders)) if (value !== undefined && !add(name, value)) return null;
  if (Array.isArray(given)) {
    // A flat list of names and values, or a list of pairs.
    const flat = Array.isArray(given[0]) ? (given as unknown[][]).flat() : given;
    for (let index = 0; index + 1 < flat.length; index += 2) if (!add(String(flat[index]), flat[index + 1])) return null;
  } else if (given !== null && typeof given === 'object') {
    for (const [name, value] of Object.entries(given)) if (value !== undefined && !add(name, value)) return null;
  }
  return all;
}

export class AnswerHeaders {
  private readonly templates = new Map<string, AnswerTemplate>();
  private readonly unstable = new Set<string>();

  has(classKey: string, kind: AnswerKind): boolean {
    return this.templates.has(`${kind}\n${classKey}`);
  }

  template(classKey: string, kind: AnswerKind): AnswerTemplate | undefined {
    return this.templates.get(`${kind}\n${classKey}`);
  }

  /** Classes learnt so far (for tests). */
  size(): number {
    return this.templates.size;
  }

  /**
   * Learns from the answer Yoga is about to write to `res`, for a request of class `classKey`, when
   * `answeredWithSuccess` says Yoga answered it with a successful result the lane computed (so Yoga read
   * the request as the lane did).
   */
  learnFrom(res: ServerResponse, classKey: string, answeredWithSuccess: () => boolean): void {
    if (this.unstable.has(classKey)) return;
    const writeHead = res.writeHead;
    res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
      res.writeHead = writeHead;
      const reason = typeof rest[0] === 'string' ? rest[0] : undefined;
      const headers = statusCode === 200 && answeredWithSuccess() ? headersOf(res, typeof rest[0] === 'string' ? rest[1] : rest[0]) : null;
      const type = headers?.get('content-type') ?? '';
      if (headers !== null && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'))) {
        const kind: AnswerKind = headers.has('etag') ? 'kept' : 'fresh';
        const fixed = [...headers].filter(([name]) => !OWN_HEADERS.has(name)).flat();
        this.remember(classKey, kind, new AnswerTemplate(reason, fixed, headers.has('content-length')));
      }
      return (writeHead as (...args: unknown[]) => ServerResponse).call(res, statusCode, ...rest);
    }) as ServerResponse['writeHead'];
  }

  private remember(classKey: string, kind: AnswerKind, template: AnswerTemplate): void {
    const key = `${kind}\n${classKey}`;
    const known = this.templates.get(key);
    if (known === undefined || known.sameAs(template)) {
      this.templates.set(key, template);
      return;
    }
    // Two answers of one class disagree: something else decides these headers; Yoga answers this class from now on.
    this.unstable.add(classKey);
    this.templates.delete(`fresh\n${classKey}`);
    this.templates.delete(`kept\n${classKey}`);
  }
}
