import { createGraphQLError } from 'graphql-yoga';

/**
 * A request refused before Yoga parses it (too large, an unsupported media type, over its budget),
 * answered as a GraphQL response with one error carrying `code`, so clients read it as they read any
 * other GraphQL error. `headers` follow the content type.
 */
export function graphqlErrorResponse(fetchAPI: { Response: typeof Response }, status: number, message: string, code: string, headers: Record<string, string>): Response {
  const error = createGraphQLError(message, { extensions: { code } });
  return new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
