import { afterAll, beforeAll } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { App } from '../../src/app.js';
import { createHttpServer } from '../../src/http/server.js';

export interface GraphQLBody<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Runs a typed operation through the app's Yoga instance in-process (context, auth, limits and masking included). */
export async function execute<TData, TVariables>(
  app: Pick<App, 'yoga'>,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody<TData> }> {
  return post(app, { query: print(document), variables }, headers);
}

/** Posts any JSON body to /graphql. */
export async function post<TData = unknown>(app: Pick<App, 'yoga'>, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphQLBody<TData> }> {
  const response = await app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody<TData> };
}

/** The app on a real socket (127.0.0.1, random port). */
export interface ListeningApp {
  readonly base: string;
  close(): Promise<void>;
}

export async function listen(app: Pick<App, 'requestListener'>): Promise<ListeningApp> {
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (and any request a test left half-sent) would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** Serves the app on a real socket for the surrounding `describe` block; `base` is set once it listens. */
export function serveDuringSuite(app: Pick<App, 'requestListener'>): { readonly base: string } {
  const state = { base: '' };
  let listening: ListeningApp | null = null;
  beforeAll(async () => {
    listening = await listen(app);
    state.base = listening.base;
  });
  afterAll(() => listening?.close());
  return state;
}
