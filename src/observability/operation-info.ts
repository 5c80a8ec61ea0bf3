import { Lexer, Source, TokenKind, type Token } from 'graphql';

export type OperationType = 'query' | 'mutation' | 'subscription';

/** Which operation a request asks for, as far as can be told without parsing it. */
export interface OperationInfo {
  /** The operation's name; null for an anonymous operation or when it cannot be told. */
  readonly name: string | null;
  readonly type: OperationType | null;
}

const UNKNOWN: OperationInfo = { name: null, type: null };
const OPERATION_KEYWORDS = new Set(['query', 'mutation', 'subscription']);
const byRequest = new WeakMap<Request, OperationInfo>();

/**
 * The operation a request runs, read once per request from its GraphQL parameters. The access log
 * and the metrics need it even for answers served from the response cache, where Yoga never parses
 * the document; scanning the top-level tokens costs far less than a parse.
 */
export function operationOf(request: Request, params: { query?: string | undefined; operationName?: string | null | undefined }): OperationInfo {
  let info = byRequest.get(request);
  if (!info) {
    info = describeOperation(params.query, params.operationName ?? null);
    byRequest.set(request, info);
  }
  return info;
}

/**
 * The info recorded for a request by `operationOf`. A GET answered before Yoga read its parameters
 * (a `304 Not Modified` from the HTTP cache) is read from its URL; anything else that never got that
 * far (not GraphQL, bad parameters) is unknown.
 */
export function recordedOperation(request: Request): OperationInfo {
  const recorded = byRequest.get(request);
  if (recorded) return recorded;
  if (request.method !== 'GET') return UNKNOWN;
  const search = new URL(request.url).searchParams;
  const query = search.get('query');
  return query === null ? UNKNOWN : operationOf(request, { query, operationName: search.get('operationName') });
}

/**
 * Finds the operation definitions at the top level of a document (their type and name) and picks
 * the one `operationName` names, or the only one. Selection sets are skipped by brace depth;
 * braces inside parentheses (variable defaults, directive arguments) are not selection sets.
 */
export function describeOperation(query: string | undefined, operationName: string | null): OperationInfo {
  if (typeof query !== 'string' || query.length === 0) return UNKNOWN;
  const operations: OperationInfo[] = [];
  try {
    const lexer = new Lexer(new Source(query));
    let depth = 0;
    let parens = 0;
    let inHeader = false;
    for (let token: Token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.PAREN_L) parens += 1;
      else if (token.kind === TokenKind.PAREN_R) parens -= 1;
      else if (parens > 0) continue;
      else if (token.kind === TokenKind.BRACE_L) {
        if (depth === 0 && !inHeader) operations.push({ name: null, type: 'query' });
        depth += 1;
        inHeader = false;
      } else if (token.kind === TokenKind.BRACE_R) depth -= 1;
      else if (depth === 0 && !inHeader && token.kind === TokenKind.NAME) {
        inHeader = true;
        if (OPERATION_KEYWORDS.has(token.value)) {
          const next = lexer.lookahead();
          operations.push({ name: next.kind === TokenKind.NAME ? next.value : null, type: token.value as OperationType });
        }
      }
    }
  } catch {
    // Not even lexable: Yoga answers it with a syntax error; we cannot say more.
    return UNKNOWN;
  }
  if (operationName !== null) return operations.find((operation) => operation.name === operationName) ?? UNKNOWN;
  return operations.length === 1 ? operations[0]! : UNKNOWN;
}

/** The path of a request URL (`/graphql`), without parsing the whole URL: this runs on every request. */
export function pathOf(request: Request): string {
  const url = request.url;
  const scheme = url.indexOf('//');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  const stop = end < 0 ? hash : hash < 0 ? end : Math.min(end, hash);
  return stop < 0 ? url.slice(start) : url.slice(start, stop);
}
