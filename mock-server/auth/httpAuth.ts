/**
 * The role check on HTTP routes. `requirePermission(auth, 'view')` returns a hook that reads
 * `Authorization: Bearer <token>` (or `X-Api-Key: <key>` from another city system), sets
 * `request.principal`, and refuses with 401 when the caller is unknown and 403 when its role may not
 * (a DomainError, answered by the app's error handler). Use it as `onRequest`, so an unauthorised
 * caller is refused before its body is even parsed.
 */
import type { FastifyRequest } from 'fastify';
import type { Permission, Principal } from '../../src/protocol/auth';
import { DomainError } from '../domainError';
import { permits, type AuthService } from './authService';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requirePermission's hook on the routes it guards. */
    principal?: Principal;
  }
}

/** The token a request presents, if any: a bearer token or an integration key. */
export function credentialsOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // A malformed Authorization header counts as a wrong token, not as no token.
    return match ? match[1] : header;
  }
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}

export type AuthHook = (request: FastifyRequest) => Promise<void>;

export function requirePermission(auth: AuthService, permission: Permission): AuthHook {
  return async (request) => {
    const token = credentialsOf(request);
    const principal = await auth.principalFor(token);
    if (!principal) {
      const message = token === undefined ? 'sign in first: send "Authorization: Bearer <token>" (POST /api/auth/login gives one)' : 'the token is invalid, expired or revoked: sign in again';
      throw new DomainError('UNAUTHORIZED', message);
    }
    if (!permits(principal, permission)) {
      // An anonymous demo visitor could sign in and succeed: that is a 401, not a 403.
      const code = principal.kind === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
      throw new DomainError(code, `this needs the "${permission}" permission, which the ${principal.role} role does not have`);
    }
    request.principal = principal;
  };
}
