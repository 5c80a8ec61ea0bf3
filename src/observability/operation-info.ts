import { Lexer, Source, TokenKind, type Token } from 'graphql';
import { currentRequestContext } from './request-context.js';

export type OperationType = 'query' | 'mutation' | 'subscription';

/** Which operation a request asks for, as far as can be told without parsing it. */
export interface OperationInfo {
  /** The operation's name; null for an anonymous operation or when it cannot be told. */
  readonly name: string | null;
  readonly type: OperationType | null;
}

interface OperationParams {
  readonly query?: string | undefined;
  readonly operationName?: string | null | undefined;
}

/** The body of a POST as the host read it, when the host can say (`bodyText` of the HTTP layer). */
export type RequestBodyText = (request: Request) => string | undefined;

const UNKNOWN: OperationInfo = { name: null, type: null };
const OPERATION_KEYWORDS = new Set(['query', 'mutation', 'subscription']);

/**
 * Records the operation of the request being served from its GraphQL parameters (Yoga's `onParams`).
 * Scanning the top-level tokens costs far less than a parse, and Yoga never parses for an answer
 * served from the response cache.
 */
export function recordOperation(params: OperationParams): void {
  const context = currentRequestContext();
  if (context && !context.operation) context.operation = describeOperation(params.query, params.operationName ?? null);
}

/**
 * The operation of the request being served. A request answered before Yoga read its parameters (a
 * replay from the response cache, a `304`) is read from its URL (GET) or, when the host hands it
 * over, its body (POST); anything else that never got that far (not GraphQL) is unknown.
 */
export function currentOperation(request: Request, requestBody?: RequestBodyText): OperationInfo {
  const context = currentRequestContext();
  if (context?.operation) return context.operation;
  let found = UNKNOWN;
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    const query = search.get('query');
    if (query !== null) found = describeOperation(query, search.get('operationName'));
  } else if (request.method === 'POST' && requestBody) {
    const body = requestBody(request);
    if (body !== undefined) found = fromBody(body);
  }
  if (context) context.operation = found;
  return found;
}

// Replayed bodies repeat (a selector sends the same query on every page load): remember small ones.
const byBody = new Map<string, OperationInfo>();
const MAX_REMEMBERED_BODY = 4_096;
const MAX_REMEMBERED = 500;

function fromBody(body: string): OperationInfo {
  const remembered = byBody.get(body);
  if (remembered) return remembered;
  let found = UNKNOWN;
  try {
    const params = JSON.parse(body) as OperationParams | null;
    if (params !== null && typeof params === 'object' && typeof params.query === 'string') found = describeOperation(params.query, typeof params.operationName === 'string' ? params.operationName : null);
  } catch {
    // Not JSON: Yoga answered it with an error; the operation is unknown.
  }
  if (body.length <= MAX_REMEMBERED_BODY) {
    if (byBody.size >= MAX_REMEMBERED) byBody.clear();
    byBody.set(body, found);
  }
  return found;
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
