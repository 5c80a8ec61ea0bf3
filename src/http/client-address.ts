import type { IncomingMessage } from 'node:http';

/** What Node's adapter hands Yoga as the server context: the raw request, when there is one. */
export interface NodeServerContext {
  readonly req?: IncomingMessage;
}

/** The address of requests made in-process (`yoga.fetch`), which have no socket. */
export const IN_PROCESS = 'in-process';

/**
 * The address a request is limited and logged under. Without trusted proxies it is the peer of
 * the socket. Behind N trusted proxies (`TRUST_PROXY_HOPS`), each appends the address it received
 * the request from to `X-Forwarded-For`, so the client is the N-th entry from the right; entries
 * further left were written by the client itself and prove nothing.
 */
export function clientAddress(serverContext: NodeServerContext | undefined, request: Request, trustedProxyHops: number): string {
  const peer = serverContext?.req?.socket.remoteAddress ?? IN_PROCESS;
  if (trustedProxyHops <= 0) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (forwarded.length === 0) return peer;
  return forwarded[Math.max(0, forwarded.length - trustedProxyHops)]!;
}
