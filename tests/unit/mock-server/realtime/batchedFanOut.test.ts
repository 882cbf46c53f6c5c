import { describe, expect, it } from 'vitest';
import { BatchedFanOut } from '../../../../mock-server/realtime/batchedFanOut';

function manualLoop() {
  const turns: (() => void)[] = [];
  return { schedule: (run: () => void) => void turns.push(run), turn: () => turns.shift()?.(), get waiting() { return turns.length; } };
}

describe('batched fan-out', () => {
  it('sends the first batch at once and one more per turn of the loop', () => {
    const loop = manualLoop();
    const fan = new BatchedFanOut(2, loop.schedule);
    const sent: number[][] = [];
    fan.send([1, 2, 3, 4, 5], (batch) => sent.push(batch));
    fan.start();
    expect(sent).toEqual([[1, 2]]);
    loop.turn();
    expect(sent).toEqual([[1, 2], [3, 4]]);
    loop.turn();
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(fan.queued).toBe(0);
    expect(loop.waiting).toBe(0);
  });

  it('flushes what is left of a frame before the next, so no target sees frames out of order', () => {
    const loop = manualLoop();
    const fan = new BatchedFanOut(1, loop.schedule);
    const log: string[] = [];
    fan.send(['a', 'b', 'c'], ([t]) => log.push(`${t}1`));
    fan.start();
    fan.flush();
    fan.send(['a', 'b', 'c'], ([t]) => log.push(`${t}2`));
    fan.start();
    while (loop.waiting) loop.turn();
    expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  it('sends several groups of one frame in order, each in batches', () => {
    const loop = manualLoop();
    const fan = new BatchedFanOut(2, loop.schedule);
    const log: string[] = [];
    fan.send(['w'], (b) => log.push(b.join('+')));
    fan.send(['c1', 'c2', 'c3'], (b) => log.push(b.join('+')));
    fan.start();
    while (loop.waiting) loop.turn();
    expect(log).toEqual(['w', 'c1+c2', 'c3']);
  });
});
