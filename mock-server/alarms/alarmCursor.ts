/**
 * The history's page cursor: opaque to callers (base64url of where the page ended, newest-first), so
 * the order it encodes can change without breaking a client that only passes it back.
 */
import { DomainError } from '../domainError';
import type { AlarmCursor } from '../storage/stores';

export function encodeAlarmCursor(cursor: AlarmCursor): string {
  return Buffer.from(JSON.stringify([cursor.raisedAt, cursor.id])).toString('base64url');
}

/** The cursor a page handed out; anything else is a BAD_REQUEST. */
export function decodeAlarmCursor(text: string): AlarmCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isSafeInteger(parsed[0]) || typeof parsed[1] !== 'string') {
    throw new DomainError('BAD_REQUEST', 'cursor: not a cursor this server handed out (pass nextCursor back as it was)');
  }
  return { raisedAt: parsed[0], id: parsed[1] };
}
