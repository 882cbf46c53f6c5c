import { describe, expect, it } from 'vitest';
import { ERROR_HTTP_STATUS, errorCodeOfStatus } from '@/protocol/errorHttpStatus';
import { ERROR_CODES, type ErrorCode } from '@/protocol/events';

describe('errorHttpStatus', () => {
  it('gives docs/api.md’s status for each code', () => {
    expect(ERROR_HTTP_STATUS).toMatchObject({ BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, INTERNAL: 500 });
  });

  it('reads every status the server answers back to its code', () => {
    for (const code of ERROR_CODES.filter((c): c is Exclude<ErrorCode, 'UNKNOWN_EVENT'> => c !== 'UNKNOWN_EVENT')) expect(errorCodeOfStatus(ERROR_HTTP_STATUS[code])).toBe(code);
    expect([errorCodeOfStatus(418), errorCodeOfStatus(502), errorCodeOfStatus(503)]).toEqual(['BAD_REQUEST', 'INTERNAL', 'INTERNAL']);
  });
});
