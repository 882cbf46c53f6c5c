import { describe, expect, it } from 'vitest';
import { feedState, staleAfterMs } from '@/realtime/feedState';

const base = { connected: true, everConnected: true, lastFrameAt: 10_000, now: 11_000, tickMs: 1000 };

describe('feed state', () => {
  it('is live while frames keep coming', () => {
    expect(feedState(base)).toBe('live');
  });

  it('turns stale after three missed ticks, never sooner than 5 s', () => {
    expect(staleAfterMs(1000)).toBe(5000);
    expect(staleAfterMs(4000)).toBe(12_000);
    expect(feedState({ ...base, now: 15_000 })).toBe('live');
    expect(feedState({ ...base, now: 15_001 })).toBe('stale');
  });

  it('says disconnected once a connection is lost, connecting before the first', () => {
    expect(feedState({ ...base, connected: false })).toBe('disconnected');
    expect(feedState({ ...base, connected: false, everConnected: false })).toBe('connecting');
    expect(feedState({ ...base, lastFrameAt: null })).toBe('connecting');
  });
});
