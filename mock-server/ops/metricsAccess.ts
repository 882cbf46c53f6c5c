/**
 * Who may read `/metrics` (issue 16). Prometheus scrapes without a session, and the figures say how
 * the city runs (sources by name, clients, load), so they are not public. With
 * `CITYOPS_METRICS_TOKEN` set, a scrape sends it as a bearer token (Prometheus' `authorization`
 * setting) from any address, and nothing else gets in. Unset, only the machine itself may scrape
 * (loopback): a Prometheus or an agent beside the server works with no setup, and nothing is open to
 * the network by default. Behind a reverse proxy on the same machine every request looks local: set
 * a token there, or do not proxy /metrics.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domainError';

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The onRequest hook of `/metrics`: refuses with the project's 401 / 403. */
export function metricsAccess(token: string | undefined): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (token === undefined) {
      if (!isLoopback(request.socket.remoteAddress)) {
        throw new DomainError('FORBIDDEN', '/metrics answers only on this machine (loopback); set CITYOPS_METRICS_TOKEN to scrape it from elsewhere with that bearer token');
      }
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError('UNAUTHORIZED', 'send the metrics token: "Authorization: Bearer <CITYOPS_METRICS_TOKEN>"');
    if (!sameSecret(match[1], token)) throw new DomainError('UNAUTHORIZED', 'the metrics token is wrong');
  };
}
