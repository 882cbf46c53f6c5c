import { describe, expect, it } from 'vitest';
import { MIN_STALL_MS, STALL_TICKS, TickWatch } from '../../../../mock-server/ops/tickWatch';

describe('TickWatch', () => {
  it('is not ticking before the ticker starts, fine while ticks come, stalled after several missed', () => {
    const clock = { now: 0 };
    const watch = new TickWatch(1000, () => clock.now);
    expect(watch.stallAfterMs).toBe(STALL_TICKS * 1000);
    expect(watch.problem()).toBe('the city has not started ticking');
    watch.started();
    clock.now = 4_000;
    expect(watch.problem()).toBeNull();
    watch.ticked();
    clock.now = 4_000 + STALL_TICKS * 1000;
    expect(watch.problem()).toBeNull();
    clock.now += 1;
    expect(watch.problem()).toBe('the city tick has stalled: none for 5.0 s (one is due every 1 s)');
    watch.ticked();
    expect(watch.problem()).toBeNull();
  });

  it('waits at least MIN_STALL_MS at a fast tick', () => {
    const clock = { now: 0 };
    const watch = new TickWatch(100, () => clock.now);
    expect(watch.stallAfterMs).toBe(MIN_STALL_MS);
    watch.started();
    clock.now = MIN_STALL_MS;
    expect(watch.problem()).toBeNull();
    clock.now = MIN_STALL_MS + 100;
    expect(watch.problem()).toMatch(/none for 5\.1 s \(one is due every 0\.1 s\)/);
  });
});
