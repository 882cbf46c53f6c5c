import { describe, expect, it } from 'vitest';
import { legendSections } from '@/map/legendSections';
import { NO_DATA } from '@/map/mapPalette';
import { prefersReducedMotion } from '@/map/mapCamera';
import { DEFAULT_VISIBLE, MAP_LAYERS, type MapLayerId } from '@/map/mapLayers';
import { PulseLoop } from '@/map/pulseLoop';

describe('pulse loop', () => {
  function fakeFrames() {
    const queue = new Map<number, FrameRequestCallback>();
    let next = 1;
    return {
      raf: (cb: FrameRequestCallback) => (queue.set(next, cb), next++),
      caf: (h: number) => void queue.delete(h),
      /** Runs the pending frame callbacks at time t. */
      run(t: number) {
        const pending = [...queue.values()];
        queue.clear();
        for (const cb of pending) cb(t);
      },
      get pending() {
        return queue.size;
      },
    };
  }

  it('reports a phase at most every frameMs while running, and rests at 0 when stopped', () => {
    const frames = fakeFrames();
    const phases: number[] = [];
    const loop = new PulseLoop({ onPhase: (p) => phases.push(p), periodMs: 1000, frameMs: 40, raf: frames.raf, caf: frames.caf });
    loop.set(true);
    loop.set(true); // idempotent
    expect(frames.pending).toBe(1);
    for (let t = 0; t <= 200; t += 16) frames.run(t);
    // ~25 fps: 16 ms frames thinned to one report per 40 ms or more.
    expect(phases.length).toBeGreaterThanOrEqual(4);
    expect(phases.length).toBeLessThanOrEqual(6);
    expect(phases.every((p) => p >= 0 && p < 1)).toBe(true);
    loop.set(false);
    expect(frames.pending).toBe(0);
    expect(phases.at(-1)).toBe(0);
    expect(loop.running).toBe(false);
  });
});

describe('legend', () => {
  const only = (...ids: MapLayerId[]) => Object.fromEntries(MAP_LAYERS.map((id) => [id, ids.includes(id)])) as Record<MapLayerId, boolean>;

  it('has a section for every visible layer and none for hidden ones', () => {
    expect(legendSections(DEFAULT_VISIBLE).map((s) => s.id)).toEqual(['rain', 'water', 'roads', 'closures', 'pumps', 'underpasses', 'waterlogging', 'healthSites', 'evacuationPoints', 'videoPoints', 'compounds', 'clusters', 'teams', 'muckTrucks', 'elevators', 'incidents']);
    // A city without an elevator feed (the shanghai scale) explains no elevators.
    expect(legendSections(DEFAULT_VISIBLE, { elevators: false }).map((s) => s.id)).not.toContain('elevators');
    expect(legendSections(only('roads')).map((s) => s.id)).toEqual(['roads']);
    expect(legendSections(only('underpasses')).map((s) => s.id)).toEqual(['underpasses', 'clusters']);
    expect(legendSections(only('districts'))).toEqual([]);
  });

  it('shows the rain field without the dry band, the gauges with it and with their no-data grey', () => {
    expect(legendSections(only('rainField'))[0].items).toHaveLength(6);
    const gauges = legendSections(only('rainGauges'))[0].items;
    expect(gauges).toHaveLength(8);
    expect(gauges.at(-1)).toEqual({ label: 'legend.noData', color: NO_DATA, shape: 'dot' });
  });

  it('names the no-data grey of every sensor layer that lacked it, and the pumps offline or silent', () => {
    const last = (id: MapLayerId) => legendSections(only(id))[0].items.at(-1);
    expect(last('waterGauges')).toEqual({ label: 'legend.noData', color: NO_DATA, shape: 'ring' });
    expect(last('roads')).toEqual({ label: 'legend.noData', color: NO_DATA, shape: 'line' });
    expect(legendSections(only('pumps'))[0].items.map((i) => i.label)).toContain('legend.offlineNoData');
  });
});

describe('reduced motion', () => {
  const win = (search: string, reduce = false) => ({ location: { search }, matchMedia: () => ({ matches: reduce }) }) as unknown as Window;

  it('jumps instead of flying for ?motion=0 or prefers-reduced-motion', () => {
    expect(prefersReducedMotion(win('?motion=0'))).toBe(true);
    expect(prefersReducedMotion(win('', true))).toBe(true);
    expect(prefersReducedMotion(win('?lang=en'))).toBe(false);
  });
});
