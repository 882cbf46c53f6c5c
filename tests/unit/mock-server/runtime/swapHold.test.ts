import { describe, expect, it } from 'vitest';
import { SwapHold } from '../../../../mock-server/runtime/swapHold';

/** A job that finishes when told to. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('SwapHold', () => {
  it('lets batches run side by side', async () => {
    const hold = new SwapHold();
    const order: string[] = [];
    const a = gate();
    const first = hold.shared(async () => {
      await a.opened;
      order.push('a');
    });
    await hold.shared(async () => void order.push('b'));
    a.open();
    await first;
    expect(order).toEqual(['b', 'a']);
  });

  it('starts a swap only once the batches under way are done, and holds new batches until it ends', async () => {
    const hold = new SwapHold();
    const order: string[] = [];
    const batch = gate();
    const swapping = gate();
    const under = hold.shared(async () => {
      await batch.opened;
      order.push('batch under way');
    });
    const swap = hold.exclusive(async () => {
      order.push('swap starts');
      await swapping.opened;
      order.push('swap ends');
    });
    const later = hold.shared(async () => void order.push('batch after'));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    batch.open();
    await under;
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['batch under way', 'swap starts']);
    swapping.open();
    await Promise.all([swap, later]);
    expect(order).toEqual(['batch under way', 'swap starts', 'swap ends', 'batch after']);
  });

  it('lets batches on after a swap that failed', async () => {
    const hold = new SwapHold();
    await expect(hold.exclusive(async () => Promise.reject(new Error('no city')))).rejects.toThrow('no city');
    expect(await hold.shared(async () => 42)).toBe(42);
  });
});
