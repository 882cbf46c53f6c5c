/**
 * The request log's view of a URL, with secrets blanked (issue 17, finding 9): a kiosk link carries
 * its token as `?access=`, Open311 clients send `?api_key=`, and other clients put bearer tokens in
 * `?token=` or `?access_token=`. The log keeps the path and the other parameters, so a request can
 * still be told apart, and says that a secret was there without saying what it was.
 */
import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are credentials (compared case-insensitively). */
export const SECRET_QUERY_PARAMS: readonly string[] = ['access', 'api_key', 'apikey', 'token', 'access_token', 'password'];
const REDACTED = '[redacted]';
const SECRET = new Set(SECRET_QUERY_PARAMS);

/** `url` (a path with an optional query) with the values of secret parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  // Split by hand rather than through URLSearchParams: the rest of the query is logged exactly as sent.
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judge the name as written.
      }
      return SECRET.has(decoded.toLowerCase()) ? `${name}=${REDACTED}` : part;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Fastify's default request serializer with the URL redacted. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
