import { describe, expect, it } from 'vitest';
import { asClient, clientAddress } from '../../src/http/client-address.js';

describe('client addresses for limits and logs', () => {
  it('is the IPv4 address, the IPv4 of a mapped IPv6 address, or the /64 of an IPv6 address', () => {
    expect(asClient('127.0.0.2')).toBe('127.0.0.2');
    expect(asClient('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(asClient('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(asClient('2001:DB8:0000:0012:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(asClient('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(asClient('::1')).toBe('0:0:0:0::/64');
    expect(asClient('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('trusts X-Forwarded-For only as far as the configured proxies', () => {
    const req = { socket: { remoteAddress: '10.0.0.9' } } as never;
    const request = new Request('http://x/graphql', { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.8' } });
    expect(clientAddress({ req }, request, 0)).toBe('10.0.0.9');
    // One proxy (the balancer at 10.0.0.9) appended the address it got the request from.
    expect(clientAddress({ req }, request, 1)).toBe('10.0.0.8');
    expect(clientAddress({ req }, request, 2)).toBe('203.0.113.7');
    // More hops than entries: the leftmost entry, never an index out of range.
    expect(clientAddress({ req }, request, 5)).toBe('6.6.6.6');
    expect(clientAddress({ req }, new Request('http://x/graphql'), 1)).toBe('10.0.0.9');
  });
});
