import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';
import { operationOf, pathOf, recordedOperation } from './operation-info.js';
import { runInRequestContext, type RequestContext } from './request-context.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's request id is kept when it looks like one (a UUID, a trace id); anything else is replaced. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
/** Mutations whose refusals are audited: an unauthorised attempt at an admin operation is worth a warning. */
const ADMIN_FIELDS = new Set(['refreshCatalogue']);
const REFUSAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

export interface AccessLogOptions {
  readonly logger: Logger;
  /** Whether the answer to this request came from the response cache (the HTTP layer knows). */
  readonly isCacheHit: (request: Request) => boolean;
}

interface Served {
  readonly context: RequestContext;
  readonly startedAt: number;
}

/**
 * One `info` line per request: method, path, operation, status, duration, cache hit and request id.
 * The request id is the caller's `X-Request-Id` (when it looks like one) or a new UUID; it is echoed
 * in the response header and carried by every line logged while the request is served. Refused
 * attempts at admin operations get a `warn` line with the caller's address.
 *
 * Only the path is logged, never the query string (a GET query may carry anything), and no header
 * except the request id.
 */
export function useAccessLog({ logger, isCacheHit }: AccessLogOptions): Plugin {
  const served = new WeakMap<Request, Served>();
  return {
    instrumentation: {
      // Wraps the whole handling of the request, so the context follows every async call it makes.
      request({ request }, wrapped) {
        const given = request.headers.get(REQUEST_ID_HEADER);
        const context: RequestContext = { requestId: given !== null && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID() };
        served.set(request, { context, startedAt: performance.now() });
        return runInRequestContext(context, wrapped);
      },
    },
    onRequest({ request, serverContext }) {
      const entry = served.get(request);
      if (!entry) return;
      // Yoga's Node adapter hands over the IncomingMessage as `req`; other hosts may have none.
      const socket = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket;
      if (socket?.remoteAddress) entry.context.remoteAddress = socket.remoteAddress;
      const forwardedFor = request.headers.get('x-forwarded-for');
      if (forwardedFor) entry.context.forwardedFor = forwardedFor.slice(0, 256);
    },
    onParams({ request, params }) {
      operationOf(request, params);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || !result.errors) return;
          const context = request ? served.get(request)?.context : undefined;
          for (const error of result.errors as readonly GraphQLError[]) {
            const code = error.extensions?.code;
            const field = error.path?.[0];
            if (typeof code !== 'string' || !REFUSAL_CODES.has(code) || typeof field !== 'string' || !ADMIN_FIELDS.has(field)) continue;
            logger.warn(`admin ${field} refused`, { code, remoteAddress: context?.remoteAddress ?? null, forwardedFor: context?.forwardedFor ?? null });
          }
        },
      };
    },
    onResponse({ request, response }) {
      const entry = served.get(request);
      if (!entry) return;
      response.headers.set(REQUEST_ID_HEADER, entry.context.requestId);
      const operation = recordedOperation(request);
      logger.info('request', {
        method: request.method,
        path: pathOf(request),
        operation: operation.name,
        operationType: operation.type,
        status: response.status,
        durationMs: Math.round((performance.now() - entry.startedAt) * 100) / 100,
        cacheHit: isCacheHit(request),
        requestId: entry.context.requestId,
        remoteAddress: entry.context.remoteAddress ?? null,
      });
    },
  };
}
