import { describe, expect, it } from 'vitest';
import { FrameBatcher } from '@/realtime/frameBatcher';

describe('frame batcher', () => {
  it('hands a burst over as one batch on the next frame', () => {
    const frames: (() => void)[] = [];
    const batches: number[][] = [];
    const b = new FrameBatcher<number>({ flush: (items) => batches.push(items), schedule: (cb) => frames.push(cb) });
    b.push(1);
    b.push(2);
    b.push(3);
    expect(frames).toHaveLength(1);
    expect(batches).toHaveLength(0);
    frames[0]();
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at once when no frame comes (hidden page) and the queue is full', () => {
    const batches: number[][] = [];
    const b = new FrameBatcher<number>({ flush: (items) => batches.push(items), schedule: () => undefined, maxQueued: 3 });
    [1, 2, 3, 4].forEach((n) => b.push(n));
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('forgets queued items on clear', () => {
    const frames: (() => void)[] = [];
    const batches: number[][] = [];
    const b = new FrameBatcher<number>({ flush: (items) => batches.push(items), schedule: (cb) => frames.push(cb) });
    b.push(1);
    b.clear();
    frames[0]();
    expect(batches).toEqual([]);
  });
});
