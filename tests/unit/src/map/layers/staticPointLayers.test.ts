import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { writeStaticColors } from '@/map/layers/staticPointLayers';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { KIND_SPECS, type KindLook } from '@/protocol/kindSpecs';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';

const catalog = mapCatalog({ healthSite: 3, evacuationPoint: 2, videoPoint: 2, residentialCompound: 4 });
catalog.groups.healthSite.attributes = { category: [0, 1, 2] };
const frame = (zoom: number): LiveFrame => ({
  channels: mapChannels(catalog),
  changed: everyChannelAt(1),
  events: mapEvents(),
  visible: { ...DEFAULT_VISIBLE },
  zoom,
  uiScale: 0.5,
  pulse: 0,
  tickMs: 1000,
  smooth: true,
});
const layerOf = (layers: Layer[], id: string) => layers.find((l) => l.id.split('+').includes(id));

describe('static point layers', () => {
  it('join the drainage icons’ layer rather than adding deck.gl layers of their own', () => {
    const layers = createLiveLayerSet(catalog, TEST_ATLAS).build(frame(14));
    for (const id of ['healthSites', 'evacuationPoints', 'videoPoints']) expect(layerOf(layers, id)!.id).toBe(layerOf(layers, 'pumps')!.id);
  });

  it('are drawn only from their zoom in: none at city zoom, the sparse kinds from 11.5, compounds at street zoom', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    set.build(frame(10));
    expect(set.drawn).not.toContain('healthSites');
    set.build(frame(12));
    expect(set.drawn).toEqual(expect.arrayContaining(['healthSites', 'evacuationPoints', 'videoPoints']));
    expect(set.drawn).not.toContain('compounds');
    set.build(frame(13.5));
    expect(set.drawn).toContain('compounds');
  });

  it('colour a health site by its category, and every slot of a one-colour kind alike', () => {
    const out = new Uint8Array(12);
    const { colors } = KIND_SPECS.healthSite.look as KindLook;
    writeStaticColors(colors, [0, 1, 2], out);
    expect([...out.subarray(4, 7)]).toEqual([...colors[1]]);
    expect([...out.subarray(8, 11)]).toEqual([...colors[2]]);
    writeStaticColors([[1, 2, 3]], undefined, out);
    expect([...out]).toEqual([1, 2, 3, 235, 1, 2, 3, 235, 1, 2, 3, 235]);
  });
});
