import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { graphqlErrorResponse } from './error-response.js';
import { assertIntrospectionBound } from './query-cost.js';

/**
 * Refusals of requests whose shape alone would hurt the server, each as a GraphQL error with the
 * status GraphQL-over-HTTP gives it, never a 500:
 *
 * - documents nesting brackets deeper than any real query does: the parser, the validation rules
 *   and the cost calculation all recurse over the nesting, and 3,000 levels of list literal under the
 *   token limit overflowed the parser's stack (a 500);
 * - variables nesting deeper than any input type of the schema: the cache key and the coercion
 *   walk them recursively too;
 * - GET requests whose `variables` is not JSON: 400 saying so (Yoga's parser let it become a 500);
 * - POST bodies in a media type no parser handles (`application/jsonx`, `text/plain`): 415 with an
 *   error saying which types are accepted, instead of an empty body.
 */

/** Brackets, braces and parentheses open at once. Real queries stay well under 20 (depth limit 15). */
export const MAX_DOCUMENT_NESTING = 64;
/** Objects and arrays open at once in `variables`. The deepest input of the schema is 2 (a filter object). */
export const MAX_VARIABLES_NESTING = 16;

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Lexes the document (iteratively: the lexer does not recurse) and refuses it once nesting passes the limit. */
export function assertNestingWithin(source: string | Source, limit: number): void {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  let depth = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if (OPENING.has(token.kind)) {
      depth += 1;
      if (depth > limit) {
        throw new GraphQLError(`Syntax Error: brackets nest more than ${limit} levels deep.`, { source: lexer.source, positions: [token.start], extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    } else if (CLOSING.has(token.kind)) {
      depth -= 1;
    }
  }
}

function nestingOf(value: unknown, limit: number): number {
  // Iterative, so the check itself cannot overflow the stack it protects.
  const stack: [unknown, number][] = [[value, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const ACCEPTED_MEDIA_TYPES = ['application/json', 'application/graphql+json', 'application/graphql', 'application/x-www-form-urlencoded'];

/** Called with each document the server parses afresh (not from its parse cache). */
export type OnNewDocument = (context: object, source: string) => void;

export function useRequestShapeLimits(onNewDocument?: OnNewDocument): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (requestParser !== undefined && request.method === 'GET') {
        // Yoga's GET parser lets JSON.parse's SyntaxError for `variables` or `extensions` escape: a 500.
        setRequestParser((req) => {
          try {
            return requestParser(req);
          } catch (error) {
            if (!(error instanceof SyntaxError)) throw error;
            throw createGraphQLError(`The variables or extensions parameter is not valid JSON: ${error.message}`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
        });
        return;
      }
      if (requestParser !== undefined || request.method !== 'POST') return;
      const message = `Unsupported media type ${JSON.stringify(request.headers.get('content-type') ?? '')}: send the request as one of ${ACCEPTED_MEDIA_TYPES.join(', ')}.`;
      endResponse(graphqlErrorResponse(fetchAPI, 415, message, 'UNSUPPORTED_MEDIA_TYPE', { accept: ACCEPTED_MEDIA_TYPES.join(', ') }));
    },
    onParams({ params }) {
      if (params.variables != null && nestingOf(params.variables, MAX_VARIABLES_NESTING) > MAX_VARIABLES_NESTING) {
        throw createGraphQLError(`Variables nest more than ${MAX_VARIABLES_NESTING} levels deep.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
    },
    onParse({ context, parseFn, setParseFn }) {
      // Runs only when Yoga's parse cache has no document for this text.
      setParseFn((source, options) => {
        onNewDocument?.(context, typeof source === 'string' ? source : source.body);
        assertNestingWithin(source, MAX_DOCUMENT_NESTING);
        const document = parseFn(source, options);
        assertIntrospectionBound(document);
        return document;
      });
    },
  };
}
