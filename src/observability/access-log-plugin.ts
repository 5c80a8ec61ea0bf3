import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { currentOperation, pathOf, recordOperation, type OperationInfo, type RequestBodyText } from './operation-info.js';
import { currentRequestContext, REQUEST_ID_HEADER, withRequestContext, type RequestContext } from './request-context.js';

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

/** What is logged and counted of an answered request, however it was answered. */
export interface AnsweredRequest {
  readonly method: string;
  readonly path: string;
  readonly operation: OperationInfo;
  readonly status: number;
  readonly cacheHit: boolean;
}

export interface AccessLog {
  /** The Yoga plugin: opens the request context, echoes the request id and logs each answer. */
  readonly plugin: Plugin;
  /** Logs one answered request: the plugin's own line, for answers given outside Yoga (src/http/fast-lane.ts). */
  logAnswer(answered: AnsweredRequest, context: RequestContext): void;
}

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
export function accessLog({ logger, isCacheHit, clientAddress = socketAddress, requestBody }: AccessLogOptions): AccessLog {
  const logAnswer = (answered: AnsweredRequest, context: RequestContext): void => {
    logger.info('request', {
      method: answered.method,
      path: answered.path,
      operation: answered.operation.name,
      operationType: answered.operation.type,
      status: answered.status,
      durationMs: Math.round((performance.now() - context.startedAt) * 100) / 100,
      cacheHit: answered.cacheHit,
      requestId: context.requestId,
      remoteAddress: context.remoteAddress ?? null,
    });
  };
  const plugin: Plugin = {
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
      logAnswer({ method: request.method, path: pathOf(request), operation: currentOperation(request, requestBody), status: response.status, cacheHit: isCacheHit(request) }, context);
    },
  };
  return { plugin, logAnswer };
}

/** The access log's Yoga plugin alone. */
export function useAccessLog(options: AccessLogOptions): Plugin {
  return accessLog(options).plugin;
}
