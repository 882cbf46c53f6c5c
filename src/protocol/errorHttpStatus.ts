/**
 * The HTTP status of each protocol error code (docs/api.md's table): the server answers a refusal
 * with its code's status, and a client that gets a status without the `{error}` body (a proxy's
 * page) reads the code back from it. Pure data, shared by both sides.
 */
import type { ErrorCode } from './events';

export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  // Socket-only (an event the hub does not know); a request for an unknown route is NOT_FOUND.
  UNKNOWN_EVENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The code a failed HTTP status stands for: the table read backwards, any other 4xx a bad request, any 5xx internal. */
export function errorCodeOfStatus(status: number): ErrorCode {
  if (status >= 500) return 'INTERNAL';
  const named = (Object.keys(ERROR_HTTP_STATUS) as ErrorCode[]).find((code) => code !== 'UNKNOWN_EVENT' && ERROR_HTTP_STATUS[code] === status);
  return named ?? 'BAD_REQUEST';
}
