import type { Dispatcher } from 'undici';
import { getBytes } from './http.js';
import { parseModelsBody, type ParsedModelsPayload } from './models-payload.js';

export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai';
/** The original's overall timeout for the model list. */
export const MODELS_TIMEOUT_MS = 20_000;
/** The real list is about 0.5 MiB; 32 MiB leaves room for growth and stops a runaway body. */
export const MODELS_MAX_BYTES = 32 * 1024 * 1024;

export interface ModelsClientOptions {
  readonly dispatcher: Dispatcher;
  readonly baseUrl: string;
  readonly apiKey?: string | null;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export interface FetchedModels extends ParsedModelsPayload {
  /** Size of the body in bytes. */
  readonly bytes: number;
  /** Unix ms when the body was received. */
  readonly fetchedAt: number;
}

/** URL of an OpenRouter API path under a configurable base (tests point it at 127.0.0.1). */
export function openRouterUrl(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/** Headers for OpenRouter calls; the key is sent only when one is configured. */
export function authHeaders(apiKey: string | null | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

/**
 * `GET <base>/api/v1/models`, validated. Throws UpstreamError on any failure (transport,
 * timeout, status, size, not JSON, wrong envelope); malformed items are returned as `dropped`.
 */
export async function fetchModels(options: ModelsClientOptions, signal?: AbortSignal): Promise<FetchedModels> {
  const url = openRouterUrl(options.baseUrl, 'api/v1/models');
  const body = await getBytes(url, {
    dispatcher: options.dispatcher,
    headers: authHeaders(options.apiKey),
    timeoutMs: options.timeoutMs ?? MODELS_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MODELS_MAX_BYTES,
    ...(signal ? { signal } : {}),
  });
  const parsed = parseModelsBody(body, `GET ${url.pathname}`, [options.apiKey]);
  return { ...parsed, bytes: body.length, fetchedAt: Date.now() };
}
