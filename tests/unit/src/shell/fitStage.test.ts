import { describe, expect, it } from 'vitest';
import { fitStage } from '@/shell/fitStage';

describe('stage fit', () => {
  it('fills a 16:9 window exactly', () => {
    expect(fitStage(3840, 2160)).toEqual({ scale: 1, left: 0, top: 0 });
    expect(fitStage(1920, 1080)).toEqual({ scale: 0.5, left: 0, top: 0 });
  });

  it('letterboxes a wall that is wider or taller than 16:9', () => {
    const wide = fitStage(5760, 1080); // three 1080p screens side by side
    expect(wide.scale).toBe(0.5);
    expect(wide.left).toBe((5760 - 1920) / 2);
    const tall = fitStage(1080, 1920);
    expect(tall.scale).toBeCloseTo(1080 / 3840);
    expect(tall.left).toBe(0);
    expect(tall.top).toBeGreaterThan(0);
  });
});
