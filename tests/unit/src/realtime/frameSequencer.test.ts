import { describe, expect, it } from 'vitest';
import { FrameSequencer } from '@/realtime/frameSequencer';

describe('frame sequencer', () => {
  it('drops deltas until a snapshot arrives', () => {
    const s = new FrameSequencer();
    expect(s.verdict(1)).toBe('drop');
    s.reset(10);
    expect(s.verdict(11)).toBe('apply');
    expect(s.verdict(12)).toBe('apply');
  });

  it('drops old and duplicate frames', () => {
    const s = new FrameSequencer();
    s.reset(10);
    expect(s.verdict(10)).toBe('drop');
    expect(s.verdict(3)).toBe('drop');
  });

  it('reports a gap once, then waits for the next snapshot', () => {
    const s = new FrameSequencer();
    s.reset(10);
    expect(s.verdict(12)).toBe('gap');
    expect(s.waiting).toBe(true);
    expect(s.verdict(13)).toBe('drop');
    s.reset(20);
    expect(s.verdict(21)).toBe('apply');
  });

  it('waits again after invalidation (a disconnect)', () => {
    const s = new FrameSequencer();
    s.reset(1);
    s.invalidate();
    expect(s.verdict(2)).toBe('drop');
  });

  it('applies a coalesced catch-up frame that names the state it builds on, and refuses one built on another', () => {
    const s = new FrameSequencer();
    s.reset(10);
    expect(s.verdict(14, 10)).toBe('apply');
    expect(s.last).toBe(14);
    expect(s.verdict(18, 15)).toBe('gap');
  });
});
