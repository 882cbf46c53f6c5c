import { describe, expect, it } from 'vitest';
import { SocketFloodGuard } from '../../../../mock-server/realtime/socketFloodGuard';

const policy = { capacity: 5, windowMs: 10_000, disconnectAfter: 8 };

describe('SocketFloodGuard', () => {
  it('admits the budget, refuses past it, and says disconnect once refused too often within a window', () => {
    const guard = new SocketFloodGuard(policy, () => 0);
    const answers = Array.from({ length: 15 }, () => guard.admit());
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('ok'));
    expect(answers.slice(5, 13)).toEqual(Array(8).fill('refused'));
    expect(answers[13]).toBe('disconnect');
    expect(guard.retryAfterMs()).toBe(2000);
  });

  it('forgets refusals of an earlier window, so a client that backs off is never disconnected', () => {
    let now = 0;
    const guard = new SocketFloodGuard(policy, () => now);
    for (let round = 0; round < 5; round++) {
      const answers = Array.from({ length: 12 }, () => guard.admit());
      expect(answers).not.toContain('disconnect');
      now += 10_000;
    }
  });

  it('says a thing once per topic and window', () => {
    let now = 0;
    const guard = new SocketFloodGuard(policy, () => now);
    expect([guard.firstInWindow('log'), guard.firstInWindow('log'), guard.firstInWindow('other')]).toEqual([true, false, true]);
    now += 9_999;
    expect(guard.firstInWindow('log')).toBe(false);
    now += 1;
    expect(guard.firstInWindow('log')).toBe(true);
  });
});
