import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../../../mock-server/realtime/clientAddress';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('takes the peer and ignores X-Forwarded-For unless told to trust a proxy', () => {
    expect(clientAddressOf(false)(request('::ffff:10.0.0.5', '1.2.3.4'))).toBe('10.0.0.5');
  });

  it('walks back through trusted proxies to the first address that is not one', () => {
    const behindNginx = clientAddressOf(['loopback']);
    expect(behindNginx(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7');
    // A forged entry left of the real client is not believed: the walk stops at the first untrusted hop.
    expect(behindNginx(request('127.0.0.1', '6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7');
    // A peer that is not a trusted proxy is the client, whatever it claims.
    expect(behindNginx(request('198.51.100.2', '203.0.113.7'))).toBe('198.51.100.2');
    expect(clientAddressOf(['10.0.0.0/8', '::1'])(request('::ffff:10.1.2.3', '192.0.2.1, 10.9.9.9'))).toBe('192.0.2.1');
  });

  it('trusts a hop count or everything, as fastify does', () => {
    expect(clientAddressOf(1)(request('10.0.0.1', '1.1.1.1, 2.2.2.2'))).toBe('2.2.2.2');
    expect(clientAddressOf(2)(request('10.0.0.1', '1.1.1.1, 2.2.2.2'))).toBe('1.1.1.1');
    expect(clientAddressOf(true)(request('10.0.0.1', '1.1.1.1, 2.2.2.2'))).toBe('1.1.1.1');
    expect(clientAddressOf(true)(request('10.0.0.1'))).toBe('10.0.0.1');
    expect(clientAddressOf((_address, hop) => hop < 1)(request('10.0.0.1', '1.1.1.1, 2.2.2.2'))).toBe('2.2.2.2');
  });
});
