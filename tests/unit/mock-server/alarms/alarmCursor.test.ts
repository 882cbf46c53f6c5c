import { describe, expect, it } from 'vitest';
import { decodeAlarmCursor, encodeAlarmCursor } from '../../../../mock-server/alarms/alarmCursor';
import { DomainError } from '../../../../mock-server/domainError';

describe('alarm history cursor', () => {
  it('gives back the place it encodes, as URL-safe text', () => {
    const cursor = { raisedAt: 1_752_559_200_000, id: 'underpass.depth:frozen:U-12/3:1752559200000' };
    const text = encodeAlarmCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAlarmCursor(text)).toEqual(cursor);
  });

  it('refuses anything it did not hand out with a BAD_REQUEST', () => {
    for (const bad of ['x', '!!', Buffer.from('[1]').toString('base64url'), Buffer.from('[1.5,"a"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeAlarmCursor(bad)).toThrow(DomainError);
      try {
        decodeAlarmCursor(bad);
      } catch (err) {
        expect((err as DomainError).code).toBe('BAD_REQUEST');
      }
    }
  });
});
