import type { Dispatcher } from 'undici';
import { describeJsonType } from './models-payload.js';
import { getBytes, parseJsonBody, UpstreamError } from './http.js';
import { authHeaders, openRouterUrl } from './models-client.js';

/** The original's per-request timeout for `/endpoints`. */
export const ENDPOINTS_TIMEOUT_MS = 5_000;
/** A real answer is a few KiB; anything near this cap is not an endpoints list. */
export const ENDPOINTS_MAX_BYTES = 4 * 1024 * 1024;

/** One model's endpoints, or why they could not be had. Never thrown: enrichment counts failures. */
export type EndpointsFetchResult = { readonly ok: true; readonly endpoints: readonly unknown[] } | { readonly ok: false; readonly error: UpstreamError };

export interface EndpointsClientOptions {
  readonly dispatcher: Dispatcher;
  readonly baseUrl: string;
  readonly apiKey?: string | null;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
}

/**
 * `/api/v1/models/<author>/<slug>/endpoints`, each segment percent-encoded, the separating `/` kept.
 * Model ids come from upstream and are untrusted: URL normalisation treats `.` and `..` segments
 * (encoded or not) as directory steps, so an id containing one is refused instead of turning into
 * another path.
 */
export function endpointsPath(modelId: string): string {
  const segments = modelId.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) throw new UpstreamError('bad-shape', `model id ${JSON.stringify(modelId)} has a dot segment`);
  return `api/v1/models/${segments.map(encodeURIComponent).join('/')}/endpoints`;
}

/**
 * `GET /api/v1/models/{id}/endpoints`. A failure is a transport error, a timeout, a non-2xx status,
 * a body that is not JSON, or `data` that is not an object; `data.endpoints` that is not a list is
 * an empty list (the model is then gated), as in the original.
 */
export async function fetchModelEndpoints(modelId: string, options: EndpointsClientOptions): Promise<EndpointsFetchResult> {
  let url: URL;
  try {
    url = openRouterUrl(options.baseUrl, endpointsPath(modelId));
  } catch (error) {
    return { ok: false, error: error instanceof UpstreamError ? error : new UpstreamError('bad-shape', String(error)) };
  }
  try {
    const bytes = await getBytes(url, {
      dispatcher: options.dispatcher,
      headers: authHeaders(options.apiKey),
      timeoutMs: options.timeoutMs ?? ENDPOINTS_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? ENDPOINTS_MAX_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const where = `GET ${url.pathname}`;
    const body = parseJsonBody(bytes, where, [options.apiKey]);
    const data = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, error: new UpstreamError('bad-shape', `${where}: "data" is ${describeJsonType(data)}, expected an object`) };
    }
    const endpoints = (data as { endpoints?: unknown }).endpoints;
    return { ok: true, endpoints: Array.isArray(endpoints) ? endpoints : [] };
  } catch (error) {
    if (error instanceof UpstreamError) return { ok: false, error };
    return { ok: false, error: new UpstreamError('transport', `GET ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`) };
  }
}
