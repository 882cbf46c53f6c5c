import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { ALL_TRUCKS_ZOOM, writeMuckTruckSizes } from '@/map/layers/muckTruckLayer';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { MUCK_TRUCK_ALARM, MUCK_TRUCK_STATE_COLORS } from '@/map/mapPalette';
import { MUCK_TRUCK_STATES } from '@/protocol/assets';
import type { Alarm } from '@/protocol/cityEvents';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';

const catalog = mapCatalog({ muckTruck: 3 });
const channels = mapChannels(catalog);
channels['truck.state'].set([MUCK_TRUCK_STATES.indexOf('hauling'), MUCK_TRUCK_STATES.indexOf('unloading'), MUCK_TRUCK_STATES.indexOf('loading')]);
channels['truck.pos'].set([121.40, 31.20, 121.41, 31.21, 121.42, 31.22]);
const dumping = { id: 'x', assetKind: 'muckTruck', slot: 1, state: 'active', ruleId: 'muckTruck.dumpOffSite' } as Alarm;
const frame = (zoom: number, version: number, alarms: Alarm[] = []): LiveFrame => ({
  channels,
  changed: everyChannelAt(version),
  stale: {},
  events: mapEvents({ alarms }, version),
  visible: { ...DEFAULT_VISIBLE },
  zoom,
  uiScale: 0.5,
  pulse: 0,
  tickMs: 1000,
  smooth: false,
});
function drawn(layers: Layer[]) {
  const layer = layers.find((l) => l.id === 'muckTrucks')!;
  const attrs = (layer.props.data as { attributes: { getColor: { value: Uint8Array }; getSize: { value: Float32Array } } }).attributes;
  return { colors: [0, 1, 2].map((i) => [...attrs.getColor.value.subarray(i * 4, i * 4 + 3)]), sizes: [...attrs.getSize.value], scale: (layer.props as { sizeScale?: number }).sizeScale ?? 0 };
}

describe('the muck truck layer', () => {
  it('draws an alarmed truck in the alarm colour at full size, and the rest small at city zoom', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const city = drawn(set.build(frame(ALL_TRUCKS_ZOOM - 1, 1, [dumping])));
    expect(city.colors).toEqual([[...MUCK_TRUCK_STATE_COLORS.hauling], [...MUCK_TRUCK_ALARM], [...MUCK_TRUCK_STATE_COLORS.loading]]);
    expect(city.sizes).toEqual([1 / 3, 1, 1 / 3].map((v) => Math.fround(v)));
    expect(city.scale).toBeGreaterThan(0);
    // Zoomed in to district level, every truck is full size; the alarm clearing restores its colour.
    const district = drawn(set.build(frame(ALL_TRUCKS_ZOOM, 2)));
    expect(district.sizes).toEqual([1, 1, 1]);
    expect(district.colors[1]).toEqual([...MUCK_TRUCK_STATE_COLORS.unloading]);
  });

  it('sizes by alarm and zoom band alone', () => {
    const out = new Float32Array(3);
    writeMuckTruckSizes(new Set([2]), 8, out);
    expect([...out]).toEqual([1 / 3, 1 / 3, 1].map((v) => Math.fround(v)));
    writeMuckTruckSizes(new Set(), 14, out);
    expect([...out]).toEqual([1, 1, 1]);
  });
});
