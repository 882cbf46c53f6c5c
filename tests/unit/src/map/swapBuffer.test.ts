import { describe, expect, it } from 'vitest';
import { floatSwapBuffer, SwapBuffer } from '@/map/swapBuffer';

describe('swap buffer', () => {
  it('swaps in a rewrite that changed something, and keeps the current half for one that did not', () => {
    const colors = new SwapBuffer(2);
    const first = colors.current;
    expect(colors.write((out) => out.set([1, 2, 3, 255], 4))).toBe(true);
    const second = colors.current;
    expect(second).not.toBe(first);
    expect(Array.from(second.value)).toEqual([0, 0, 0, 0, 1, 2, 3, 255]);
    // The same bytes again: no new value object, so deck.gl has nothing to upload.
    expect(colors.write((out) => out.set([1, 2, 3, 255], 4))).toBe(false);
    expect(colors.current).toBe(second);
  });

  it('hands the writer a copy of the current half, so a partial rewrite keeps the rest', () => {
    const sizes = floatSwapBuffer(3, 1);
    sizes.write((out) => out.fill(5));
    expect(sizes.write((out) => (out[1] = 7))).toBe(true);
    expect(Array.from(sizes.current.value)).toEqual([5, 7, 5]);
  });
});
