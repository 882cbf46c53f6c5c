import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../support/mapFixtures';

type Attrs = Record<string, { value: Uint8Array | Float32Array }>;

/** Times road colour updates at a given segment count and checks no array is allocated per update. */
function measure(segments: number) {
  const catalog = mapCatalog({ roadSegment: segments });
  const channels = mapChannels(catalog);
  const set = createLiveLayerSet(catalog, TEST_ATLAS);
  const visible = { ...DEFAULT_VISIBLE, roads: true };
  const frame = (liveVersion: number): LiveFrame => ({ channels, changed: everyChannelAt(liveVersion), events: mapEvents(), visible, zoom: 9, uiScale: 0.5, pulse: 0, tickMs: 1000, smooth: true });
  const index = channels['road.index'];
  const samples = [0, 1].map((k) => Float32Array.from({ length: index.length }, (_, i) => (i * 0.37 + k * 3.1) % 10));
  const datas = new Set<unknown>();
  /** The road layer's attributes as this update left them (the data object itself is kept and reused). */
  const roadAttrs = (v: number) => {
    index.set(samples[v % 2]);
    const data = set.build(frame(v)).find((l) => l.id === 'roads')!.props.data as { attributes: Attrs };
    datas.add(data);
    return { ...data.attributes };
  };
  const first = roadAttrs(1);
  const second = roadAttrs(2);
  const seen = new Set<unknown>();
  const runs = 40;
  let roadMs = 0;
  const t0 = performance.now();
  for (let v = 3; v < 3 + runs; v++) {
    const a = roadAttrs(v);
    roadMs += set.timings.roads ?? 0;
    seen.add(a.getColor.value);
    expect(a.getSourcePosition.value).toBe(first.getSourcePosition.value);
  }
  const perUpdate = (performance.now() - t0) / runs;
  return { first, second, seen, perUpdate, timing: roadMs / runs, datas };
}

describe('road segment updates', () => {
  it.each([3_900, 50_000])('reuse the same buffers at %i segments', (segments) => {
    const { first, second, seen, perUpdate, timing, datas } = measure(segments);
    // One data object for the catalogue: deck.gl would recompute every attribute of a new one.
    expect(datas.size).toBe(1);
    // Two colour buffers in turn, nothing else: no new typed array per update.
    expect(first.getColor.value).not.toBe(second.getColor.value);
    expect(seen.size).toBe(2);
    expect(seen.has(first.getColor.value) && seen.has(second.getColor.value)).toBe(true);
    expect(first.getWidth.value).toBe(second.getWidth.value);
    expect(first.getColor.value).toHaveLength(segments * 4);
    console.log(`roads: ${segments} segments, whole live-layer build ${perUpdate.toFixed(2)} ms per update, road layer (colours + layer) ${timing.toFixed(2)} ms`);
  });
});
