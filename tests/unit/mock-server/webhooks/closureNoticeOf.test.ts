import { describe, expect, it } from 'vitest';
import { closureNoticeOf, sameNotice } from '../../../../mock-server/webhooks/closureNoticeOf';

const waiting = (attempts: number, lastError: string | null = null) => ({ attempts, deliveredAt: null, lastError });
const acked = (deliveredAt: number, attempts = 1) => ({ attempts, deliveredAt, lastError: null });

describe('a closure notice’s state from its deliveries', () => {
  it('claims nothing before the closure is recorded', () => {
    expect(closureNoticeOf(false, [])).toBeNull();
  });

  it('is unconfigured when the recorded closure went to no receiver', () => {
    expect(closureNoticeOf(true, [])).toEqual({ state: 'unconfigured' });
  });

  it('is sending, with no retry yet, before the first attempt', () => {
    expect(closureNoticeOf(true, [waiting(0)])).toEqual({ state: 'sending', attempts: 0, lastError: null });
  });

  it('is sending with the failed attempts and the last error while the receiver fails', () => {
    expect(closureNoticeOf(true, [waiting(3, 'HTTP 500')])).toEqual({ state: 'sending', attempts: 3, lastError: 'HTTP 500' });
  });

  it('is delivered when every receiver acknowledged it, at the last acknowledgement', () => {
    expect(closureNoticeOf(true, [acked(2_000, 4), acked(1_000)])).toEqual({ state: 'delivered', deliveredAt: 2_000 });
  });

  it('is still sending while one of two receivers has not acknowledged it, and speaks for the one furthest behind', () => {
    expect(closureNoticeOf(true, [acked(1_000), waiting(1, 'HTTP 503'), waiting(2, 'connect ECONNREFUSED')])).toEqual({ state: 'sending', attempts: 2, lastError: 'connect ECONNREFUSED' });
  });

  it('tells a changed state from the same one', () => {
    expect(sameNotice(undefined, { state: 'unconfigured' })).toBe(false);
    expect(sameNotice({ state: 'sending', attempts: 1, lastError: 'HTTP 500' }, { state: 'sending', attempts: 1, lastError: 'HTTP 500' })).toBe(true);
    expect(sameNotice({ state: 'sending', attempts: 1, lastError: 'HTTP 500' }, { state: 'sending', attempts: 2, lastError: 'HTTP 500' })).toBe(false);
  });
});
