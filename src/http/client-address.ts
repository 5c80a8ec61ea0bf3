import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

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
  if (trustedProxyHops <= 0) return asClient(peer);
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (forwarded.length === 0) return asClient(peer);
  return asClient(forwarded[Math.max(0, forwarded.length - trustedProxyHops)]!);
}

/**
 * One client per IPv4 address and per IPv6 /64 (a host is usually given a whole /64 and can rotate
 * through it at will, so a per-address limit would not hold it). IPv4-mapped IPv6 is IPv4.
 */
export function asClient(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
