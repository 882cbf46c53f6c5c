// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://localhost/?bench=1"}
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LATENCY_LOG_KEY, markApplied, markDrawn, markReceived, timeDeckLayerUpdates, type FrameLatency } from '@/shared/benchTiming';

const log = () => (window as unknown as Record<string, FrameLatency[]>)[LATENCY_LOG_KEY];

describe('bench latency marks', () => {
  beforeEach(() => {
    log()?.splice(0);
    vi.useFakeTimers({ now: 10_000 });
  });

  it('follows each frame from receive through applied to drawn', () => {
    markReceived(1, 9_990);
    markReceived(2, 9_995);
    vi.setSystemTime(10_010);
    markApplied(2); // applied together, as the app's frame batcher does
    markReceived(3, 10_005);
    vi.setSystemTime(10_030);
    markDrawn(); // frame 3 is not applied yet: it stays waiting
    expect(log().map((r) => [r.seq, r.appliedAt, r.drawnAt])).toEqual([
      [1, 10_010, 10_030],
      [2, 10_010, 10_030],
      [3, undefined, undefined],
    ]);
    markApplied(3);
    vi.setSystemTime(10_050);
    markDrawn();
    expect(log()[2].drawnAt).toBe(10_050);
    expect(log()[0].drawnAt).toBe(10_030);
  });

  it('marks only frames up to the one a page knows is on screen', () => {
    markReceived(7, 9_000);
    markReceived(8, 9_100);
    markApplied(7);
    markApplied(8);
    markDrawn(7);
    expect(log().map((r) => r.drawnAt !== undefined)).toEqual([true, false]);
  });

  it('keeps the log bounded', () => {
    for (let seq = 0; seq < 700; seq++) markReceived(seq, 0);
    expect(log().length).toBe(600);
    expect(log()[0].seq).toBe(100);
  });
});

describe('deck layer updates in the bench', () => {
  it('measures LayerManager.setLayers as deck:layers, once however often it is asked, and keeps its result', () => {
    class FakeLayerManager {
      layers: string[] = [];
      setLayers(layers: string[]) {
        this.layers = layers;
        return layers.length;
      }
    }
    const measure = vi.spyOn(performance, 'measure');
    timeDeckLayerUpdates(FakeLayerManager);
    timeDeckLayerUpdates(FakeLayerManager);
    const manager = new FakeLayerManager();
    expect(manager.setLayers(['roads', 'pumps'])).toBe(2);
    expect(manager.layers).toEqual(['roads', 'pumps']);
    expect(measure.mock.calls.map(([name]) => name)).toEqual(['cityops:deck:layers']);
  });
});
