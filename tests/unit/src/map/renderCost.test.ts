import { describe, expect, it } from 'vitest';
import { RenderCostGate } from '@/map/renderCost';

function draws(gate: RenderCostGate, durations: number[]): boolean[] {
  let t = 0;
  return durations.map((d) => {
    gate.beforeDraw(t);
    t += d;
    const tipped = gate.afterDraw(t);
    t += 100;
    return tipped;
  });
}

describe('render cost gate', () => {
  it('keeps animating while draws are cheap, a slow one now and then included', () => {
    const gate = new RenderCostGate(40, 5);
    draws(gate, [5, 6, 300, 4, 5, 7, 250, 6, 5, 6]);
    expect(gate.slow).toBe(false);
  });

  it('stops animating once most recent draws are over budget, and stays stopped', () => {
    const gate = new RenderCostGate(40, 5);
    const tipped = draws(gate, [5, 90, 120, 80, 95, 100]);
    expect(tipped).toEqual([false, false, false, false, true, false]);
    expect(gate.slow).toBe(true);
    draws(gate, [1, 1, 1, 1, 1, 1]);
    expect(gate.slow).toBe(true);
  });

  it('does not judge before it has enough draws, nor an afterDraw without a beforeDraw', () => {
    const gate = new RenderCostGate(40, 5);
    draws(gate, [200, 200, 200, 200]);
    expect(gate.slow).toBe(false);
    expect(gate.afterDraw(10_000)).toBe(false);
  });
});
