import { compact } from './compact';
import type { TypedDocumentString } from './gql/graphql';

/** Same origin as the page: no CORS involved, whatever `CORS_ORIGINS` says. */
export const GRAPHQL_ENDPOINT = '/graphql';

/** A request that did not produce data: the server's own message, its error code, and the HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | null = null,
    readonly status: number | null = null,
    /** When the server said how long to wait (429/503 with Retry-After). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

interface GraphQLBody<TResult> {
  readonly data?: TResult | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

export interface RequestOptions {
  /** The admin token, sent as `Authorization: Bearer` (only the refresh mutation needs it). */
  readonly token?: string;
}

/**
 * Runs one operation with POST and JSON, as browser GraphQL clients do. The first GraphQL error, a
 * busy server (429/503 with Retry-After) or an unreachable one become an ApiError with a message a
 * person can act on.
 */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: RequestOptions = {}): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: compact(document), variables }),
      // The token is a header the page sets; no cookie is ever involved.
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiError(`The server cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  let body: GraphQLBody<TResult> | null = null;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    // Not GraphQL JSON: a limit answered before GraphQL ran, or something in front of the server.
  }
  const retryAfter = /^\d+$/.test(response.headers.get('retry-after') ?? '') ? Number(response.headers.get('retry-after')) : null;
  const [first] = body?.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null, response.status, retryAfter);
  if (response.status === 429 || response.status === 503) {
    throw new ApiError(`The server is busy (HTTP ${response.status})${retryAfter !== null ? `: retry in ${retryAfter} s` : ''}.`, response.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE', response.status, retryAfter);
  }
  if (body?.data == null) throw new ApiError(`The server answered HTTP ${response.status} without a GraphQL result.`, null, response.status);
  return body.data;
}
