import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { legendSections } from '@/map/legendSections';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { ELEVATOR_STATE_ALPHA, ELEVATOR_STATE_COLORS, NO_DATA } from '@/map/mapPalette';
import { ELEVATOR_STATES } from '@/protocol/assets';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';

const catalog = mapCatalog({ elevator: 3 });
const code = (s: (typeof ELEVATOR_STATES)[number]) => ELEVATOR_STATES.indexOf(s);
const channels = mapChannels(catalog);
// Two cars needing someone (drawn at any zoom) and one in service (only at street zoom, in view).
channels['elevator.state'].set([code('fault'), code('trapped'), code('running')]);
const frame = (stale: Uint8Array, version: number, over: Partial<LiveFrame> = {}): LiveFrame => ({
  channels,
  changed: everyChannelAt(version),
  stale: { 'elevator.state': stale },
  events: mapEvents(),
  visible: { ...DEFAULT_VISIBLE },
  zoom: 10,
  uiScale: 0.5,
  pulse: 0,
  tickMs: 1000,
  smooth: true,
  ...over,
});
/** The RGBA of each drawn car, in draw order. */
function drawnColors(layers: Layer[]): number[][] {
  const layer = layers.find((l) => l.id === 'elevators')!;
  const data = layer.props.data as { length: number; attributes: { getFillColor: { value: Uint8Array } } };
  return Array.from({ length: data.length }, (_, k) => [...data.attributes.getFillColor.value.subarray(k * 4, k * 4 + 4)]);
}

describe('the elevator layer', () => {
  it('draws a car whose state is stale in the no-data grey, as the other live kinds do, and repaints when only the marks change', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const stale = new Uint8Array(3);
    expect(drawnColors(set.build(frame(stale, 1)))).toEqual([
      [...ELEVATOR_STATE_COLORS.fault, ELEVATOR_STATE_ALPHA.fault],
      [...ELEVATOR_STATE_COLORS.trapped, ELEVATOR_STATE_ALPHA.trapped],
    ]);
    // The store stamps the channel when its marks change, though no state did.
    stale[1] = 1;
    expect(drawnColors(set.build(frame(stale, 2)))).toEqual([
      [...ELEVATOR_STATE_COLORS.fault, ELEVATOR_STATE_ALPHA.fault],
      [...NO_DATA, ELEVATOR_STATE_ALPHA.trapped],
    ]);
    stale[1] = 0;
    expect(drawnColors(set.build(frame(stale, 3)))[1]).toEqual([...ELEVATOR_STATE_COLORS.trapped, ELEVATOR_STATE_ALPHA.trapped]);
  });

  it('keeps a stale car in service in the background at street zoom: grey at its state’s alpha', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const stale = Uint8Array.from([0, 0, 1]);
    const colors = drawnColors(set.build(frame(stale, 1, { zoom: 14, bounds: [120, 30, 123, 32] })));
    // In-service cars first, so the ones needing someone draw on top.
    expect(colors[0]).toEqual([...NO_DATA, ELEVATOR_STATE_ALPHA.running]);
    expect(colors.slice(1).every((c) => c[0] !== NO_DATA[0] || c[1] !== NO_DATA[1])).toBe(true);
  });

  it('has the no-data grey in its legend', () => {
    const items = legendSections(DEFAULT_VISIBLE).find((s) => s.id === 'elevators')!.items;
    expect(items.find((i) => i.label === 'legend.noData')?.color).toEqual(NO_DATA);
  });
});
