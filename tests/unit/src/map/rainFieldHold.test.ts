import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRainFieldHold } from '@/map/rainFieldHold';
import type { RainFieldSource } from '@/map/rainFieldSource';

const source = (pending: boolean): RainFieldSource => ({ picture: null, version: 0, pending, submit() {}, dispose() {} });

describe('rain field hold', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a live update once while its picture is painted, and renders again if the worker is slow', () => {
    const render = vi.fn();
    const hold = createRainFieldHold(render, 60);
    expect(hold.hold(source(true), 5, true)).toBe(true);
    // The same version again (the picture arrived, or the wait ran out): it goes out.
    expect(hold.hold(source(true), 5, true)).toBe(false);
    expect(hold.hold(source(true), 6, true)).toBe(true);
    vi.advanceTimersByTime(60);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('never holds the first live frame, nor an update with nothing being painted', () => {
    const hold = createRainFieldHold(() => {}, 60);
    expect(hold.hold(source(true), 1, false)).toBe(false);
    expect(hold.hold(source(false), 2, true)).toBe(false);
    expect(hold.hold(undefined, 3, true)).toBe(false);
  });
});
