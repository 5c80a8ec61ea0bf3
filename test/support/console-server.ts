import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { createApp, type HttpLimits } from '../../src/app.js';
import { openRouterUpstream } from '../../src/catalogue/upstream.js';
import { loadConsoleSite } from '../../src/http/console.js';
import { listen, type ListeningApp } from './api.js';
import { readFixtureBytes } from './fixtures.js';
import { modelListBody, type ModelList } from './served-lists.js';
export type { ModelList, ServedList } from './served-lists.js';
import { makeCatalogue, type TestCatalogue } from './test-catalogue.js';
import { FakeUpstream } from './upstream.js';

/** The console as `npm run build` makes it (vitest's global setup builds dist/ when stale). */
export const BUILT_CONSOLE = fileURLToPath(new URL('../../dist/console/', import.meta.url));

export const CONSOLE_ADMIN_TOKEN = 'console-admin-token-0123456789abcdef';
/** The chat backend's token, for outcome reports (`reportModelOutcome`). */
export const CONSOLE_SERVICE_TOKEN = 'console-service-token-0123456789abcdef';
const UPSTREAM_KEY = 'sk-or-v1-console-test-key-0123456789';

/** Real `/endpoints` answers: two healthy providers, one with an endpoint below 90% in one window, one without uptime data (gated). */
const ENDPOINT_ANSWERS = [
  readFixtureBytes('openrouter', 'endpoints', 'deepseek__deepseek-v4-flash.json'),
  readFixtureBytes('openrouter', 'endpoints', 'deepseek__deepseek-v4.1-flash.json'),
  readFixtureBytes('openrouter', 'endpoints', 'openai__gpt-4o.json'),
  readFixtureBytes('openrouter', 'endpoints', 'google__gemini-2.5-pro-preview.json'),
];
/** OpenRouter's answer for a model it lists no endpoint for (gated: NO_ENDPOINTS). */
const NO_ENDPOINTS = Buffer.from('{"data":{"id":"x","name":"x","endpoints":[]}}');


export interface ConsoleServer {
  readonly base: string;
  readonly upstream: FakeUpstream;
  readonly test: TestCatalogue;
  /** The model list OpenRouter answers from now on (as of today: see served-lists.ts). */
  serveList(list: ModelList): void;
  /** OpenRouter answers the model list with this status (and `Retry-After: 30`) from now on; null: the list again. */
  failWith(status: number | null): void;
  /** Posts a GraphQL operation to the server as a client would. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The server the console tests and benchmark run against: a real catalogue fed by a local fake
 * OpenRouter (real model lists as of today, and real `/endpoints` answers spread over the models by a
 * hash of their id, so some are healthy and some gated), live health enrichment, and the built console.
 */
export interface ConsoleServerOptions {
  readonly limits?: Partial<HttpLimits>;
  /** What OpenRouter lists at first (the 2026-06-16 list by default). */
  readonly list?: ModelList;
  /** Operator configs: the `global_llm_configs` entries of the operator file, as YAML (none by default). */
  readonly operatorConfigs?: string;
}

export async function startConsoleServer(options: ConsoleServerOptions = {}): Promise<ConsoleServer> {
  const upstream = new FakeUpstream();
  let list: ModelList = options.list ?? 'models-2026-06-16.json';
  let failure: number | null = null;
  upstream.route('/api/v1/models', (_req, res) => {
    if (failure !== null) {
      res.writeHead(failure, { 'content-type': 'application/json', 'retry-after': '30' });
      res.end('{"error":{"message":"unavailable"}}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(modelListBody(list));
  });
  upstream.fallback((req, res) => {
    const bucket = createHash('sha256').update(req.url ?? '').digest()[0]! % 10;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(bucket === 0 ? NO_ENDPOINTS : ENDPOINT_ANSWERS[bucket % ENDPOINT_ANSWERS.length]);
  });
  await upstream.start();
  const dispatcher = new Agent();
  // With a credential, so Auto has candidates (it never picks a config that could not be called).
  const yaml = `openrouter_integration:\n  api_key: ${UPSTREAM_KEY}\n${options.operatorConfigs ? `global_llm_configs:\n${options.operatorConfigs}` : ''}`;
  const test = makeCatalogue(upstream.baseUrl, { yaml, enrich: openRouterUpstream({ dispatcher, baseUrl: upstream.baseUrl, apiKey: UPSTREAM_KEY }).enrich });
  test.catalogue.parts.scheduler.setEnabled(false);
  await test.catalogue.start();
  // The refresh a server makes when it starts, awaited: live models with their health, as the console shows them.
  const first = await test.catalogue.refresh({ trigger: 'startup' });
  if (first.kind !== 'accepted') throw new Error(`the first refresh was not accepted: ${JSON.stringify(first)}`);
  const api: ListeningApp = await listen(
    createApp({ catalogue: test.catalogue, adminToken: CONSOLE_ADMIN_TOKEN, serviceToken: CONSOLE_SERVICE_TOKEN, logger: test.logger, graphiql: true, console: loadConsoleSite(BUILT_CONSOLE), ...(options.limits ? { limits: options.limits } : {}) }),
  );
  return {
    base: api.base,
    upstream,
    test,
    serveList: (next) => {
      list = next;
    },
    failWith: (status) => {
      failure = status;
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
      const response = await request(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.body.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async close() {
      await api.close();
      await test.close();
      await dispatcher.close();
      await upstream.stop();
    },
  };
}
