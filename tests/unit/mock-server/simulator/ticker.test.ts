import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTicker } from '../../../../mock-server/simulator/ticker';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startTicker', () => {
  it('ticks every interval, stops, and resumes once however often it is asked', () => {
    const onTick = vi.fn();
    const ticker = startTicker(100, onTick, () => undefined);
    vi.advanceTimersByTime(350);
    expect(onTick).toHaveBeenCalledTimes(3);
    ticker.stop();
    expect(ticker.running).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(onTick).toHaveBeenCalledTimes(3);
    ticker.resume();
    ticker.resume();
    expect(ticker.running).toBe(true);
    vi.advanceTimersByTime(200);
    expect(onTick).toHaveBeenCalledTimes(5);
    ticker.stop();
  });

  it('hands a tick that throws to onError and keeps ticking', () => {
    const onError = vi.fn();
    const ticker = startTicker(50, () => {
      throw new Error('boom');
    }, onError);
    vi.advanceTimersByTime(100);
    expect(onError).toHaveBeenCalledTimes(2);
    ticker.stop();
  });
});
