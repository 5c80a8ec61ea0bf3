import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { graphqlErrorResponse } from './error-response.js';
import type { Logger } from '../logger.js';
import { isClientAbort } from './client-aborts.js';
import type { NodeServerContext } from './client-address.js';

/**
 * Reads POST bodies once, bounded: a body over the limit (declared in Content-Length or streamed
 * past it) gets `413` with a GraphQL error before anything parses it. The text read is handed to
 * Yoga in place of the stream and kept for other plugins (the response cache keys on it).
 *
 * Yoga has a `maxRequestBodySize` of its own; it pipes every body through a WHATWG TransformStream,
 * which cost 15% of the time of a cached answer (bench/RESULTS.md), so it is off and this plugin
 * enforces the limit instead.
 */

const textOfRequest = new WeakMap<Request, string>();
const originals = new WeakMap<Request, Request>();

/** The request as it arrived, for a request whose body has been handed over (the same request otherwise). */
export function originalRequest(request: Request): Request {
  return originals.get(request) ?? request;
}

/** The body of a POST request as read by `useBoundedBody` (undefined for other requests). */
export function bodyText(request: Request): string | undefined {
  return textOfRequest.get(request);
}

class BodyTooLarge extends Error {}

/** Reads Node's stream with plain listeners: an async iterator costs a promise per chunk. */
function readNodeStream(raw: IncomingMessage, take: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      raw.off('data', onData);
      raw.resume();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      try {
        take(chunk);
      } catch (error) {
        fail(error);
      }
    };
    raw.on('data', onData);
    raw.once('end', () => resolve());
    raw.once('error', fail);
    // A client that hangs up mid-body may end the stream with 'close' alone.
    raw.once('close', () => {
      if (!raw.readableEnded) fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    });
  });
}

async function readBounded(request: Request, serverContext: NodeServerContext | undefined, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array): void => {
    size += chunk.byteLength;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  };
  const raw = serverContext?.req;
  if (raw && !raw.readableEnded) {
    // Straight from Node's stream: the WHATWG wrapper around it costs a stream pipeline per request.
    await readNodeStream(raw, take);
  } else if (request.body) {
    const reader = request.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      try {
        take(next.value);
      } catch (error) {
        await reader.cancel();
        throw error;
      }
    }
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

export interface BoundedBody {
  /** Reads the body (or answers 413); goes before the plugins that look at the body. */
  readonly read: Plugin<object, NodeServerContext>;
  /** Hands the text read to Yoga in place of the stream; goes after them (an answer given before needs no new Request). */
  readonly handOver: Plugin;
}

export function useBoundedBody(limit: number, logger: Logger): BoundedBody {
  const tooLarge = (fetchAPI: { Response: typeof Response }): Response =>
    graphqlErrorResponse(fetchAPI, 413, `Request body too large: at most ${limit} bytes are accepted.`, 'REQUEST_ENTITY_TOO_LARGE', { 'cache-control': 'no-store' });
  const read: Plugin<object, NodeServerContext> = {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > limit) {
        endResponse(tooLarge(fetchAPI));
        return;
      }
      let text: string;
      try {
        text = await readBounded(request, serverContext, limit);
      } catch (error) {
        if (isClientAbort(error)) {
          // The client hung up mid-body: nothing went wrong here, and nobody is left to answer.
          logger.debug('client closed the connection before sending its whole request body');
          endResponse(new fetchAPI.Response(null, { status: 400 }));
          return;
        }
        if (!(error instanceof BodyTooLarge)) throw error;
        endResponse(tooLarge(fetchAPI));
        return;
      }
      textOfRequest.set(request, text);
    },
  };
  const handOver: Plugin = {
    onRequest({ request, setRequest, fetchAPI }) {
      const text = textOfRequest.get(request);
      if (text === undefined) return;
      const replaced = new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal });
      textOfRequest.set(replaced, text);
      originals.set(replaced, request);
      setRequest(replaced);
    },
  };
  return { read, handOver };
}
