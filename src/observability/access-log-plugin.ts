import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { currentOperation, pathOf, recordOperation, type RequestBodyText } from './operation-info.js';
import { currentRequestContext, REQUEST_ID_HEADER, withRequestContext } from './request-context.js';

export interface AccessLogOptions {
  readonly logger: Logger;
  /** Whether the answer to this request came from the response cache (the HTTP layer knows). */
  readonly isCacheHit: (request: Request) => boolean;
  /** The client's address; defaults to the peer of the socket Yoga's Node adapter hands over as `req`. */
  readonly clientAddress?: (request: Request, serverContext: unknown) => string | undefined;
  /** A POST's body as the host read it: names the operation of answers replayed before Yoga read it. */
  readonly requestBody?: RequestBodyText;
}

const socketAddress = (_request: Request, serverContext: unknown): string | undefined => (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;

/**
 * One `info` line per request: method, path, operation, status, duration, cache hit and request id.
 * The request id is the caller's `X-Request-Id` (when it looks like one) or a new UUID; it is echoed
 * in the response header and carried by every line logged while the request is served. Refused
 * attempts at admin operations get a `warn` line with the caller's address.
 *
 * Only the path is logged, never the query string (a GET query may carry anything), and no header
 * except the request id. List it first among the plugins, so that its `onRequest` runs before any
 * plugin that answers early.
 */
export function useAccessLog({ logger, isCacheHit, clientAddress = socketAddress, requestBody }: AccessLogOptions): Plugin {
  return {
    instrumentation: {
      // Wraps the whole handling of the request (hooks, execution, onResponse), so the context follows it.
      request: ({ request }, wrapped) => withRequestContext(request, wrapped),
    },
    onRequest({ request, serverContext }) {
      const context = currentRequestContext();
      if (!context) return;
      const address = clientAddress(request, serverContext);
      if (address) context.remoteAddress = address;
      const forwardedFor = request.headers.get('x-forwarded-for');
      if (forwardedFor) context.forwardedFor = forwardedFor.slice(0, 256);
    },
    onParams({ params }) {
      recordOperation(params);
    },
    onResponse({ request, response }) {
      const context = currentRequestContext();
      if (!context) return;
      response.headers.set(REQUEST_ID_HEADER, context.requestId);
      const operation = currentOperation(request, requestBody);
      logger.info('request', {
        method: request.method,
        path: pathOf(request),
        operation: operation.name,
        operationType: operation.type,
        status: response.status,
        durationMs: Math.round((performance.now() - context.startedAt) * 100) / 100,
        cacheHit: isCacheHit(request),
        requestId: context.requestId,
        remoteAddress: context.remoteAddress ?? null,
      });
    },
  };
}
