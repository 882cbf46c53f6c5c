import { describe, expect, it } from 'vitest';
import { closureNoticeText } from '@/alarms/closureNoticeText';

describe('what the wall says of a closure notice', () => {
  it('says it is being recorded before the server has it', () => {
    expect(closureNoticeText(undefined)).toEqual({ key: 'recording', tone: 'pending' });
  });

  it('says plainly when no traffic-police endpoint is configured', () => {
    expect(closureNoticeText({ state: 'unconfigured' })).toEqual({ key: 'unconfigured', tone: 'bad' });
  });

  it('says sending before the first attempt, and the retries with the last error after failures', () => {
    expect(closureNoticeText({ state: 'sending', attempts: 0, lastError: null })).toEqual({ key: 'sending', tone: 'pending' });
    expect(closureNoticeText({ state: 'sending', attempts: 3, lastError: 'HTTP 500' })).toEqual({ key: 'retrying', retries: 3, error: 'HTTP 500', tone: 'pending' });
  });

  it('says delivered, with when', () => {
    expect(closureNoticeText({ state: 'delivered', deliveredAt: 1_700_000_000_000 })).toEqual({ key: 'delivered', deliveredAt: 1_700_000_000_000, tone: 'ok' });
  });
});
