import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchesIfNoneMatch, type CachedResponse } from './response-cache.js';

/** Moving bytes between Node's http objects and the app: bounded bodies, WHATWG conversions, cached answers. */

/** Browsers and CDNs may keep a GET response but must revalidate it (cheap: a 304 on a matching ETag). */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** The request as far as the response depends on it: method, query string or body, and the negotiated media type. */
export function requestKey(req: IncomingMessage, body: Buffer | null): string {
  const accept = req.headers.accept ?? '';
  return req.method === 'GET' ? `GET\n${accept}\n${req.url}` : `POST\n${accept}\n${req.headers['content-type'] ?? ''}\n${body?.toString('utf8') ?? ''}`;
}

/** Writes a finished response; GET answers get an ETag and a 304 when the client already has them. */
export function sendCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void {
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  if (req.method === 'GET') {
    res.setHeader('etag', entry.etag);
    res.setHeader('cache-control', REVALIDATE);
    if (matchesIfNoneMatch(req.headers['if-none-match'], entry.etag)) {
      res.removeHeader('content-length');
      res.writeHead(304);
      res.end();
      return;
    }
  }
  res.setHeader('content-length', entry.byteLength);
  res.writeHead(entry.status);
  res.end(entry.payload);
}

/** Reads at most `maxBytes` of the body; stops reading (and drops the rest) past that. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null | 'too-large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      return 'too-large';
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

export function toUrl(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
}

export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  // Streamed, so subscriptions (SSE) flow as they are produced.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(bytes), 'cache-control': 'no-store' });
  res.end(bytes);
}
