import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { type AreaLayer, RESIDENTIAL_COMPOUND_LAYER } from '@/map/layers/areaLayer';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { createLiveLayerSet } from '@/map/liveLayers';
import { legendSections } from '@/map/legendSections';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { KIND_SPECS } from '@/protocol/kindSpecs';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';

const catalog = mapCatalog({ residentialCompound: 4 });
const frame = (zoom: number, over: Partial<LiveFrame> = {}): LiveFrame => ({
  channels: mapChannels(catalog),
  changed: everyChannelAt(1),
  events: mapEvents(),
  visible: { ...DEFAULT_VISIBLE },
  zoom,
  uiScale: 0.5,
  pulse: 0,
  tickMs: 1000,
  smooth: true,
  ...over,
});
const compounds = (layers: Layer[]) => layers.find((l) => l.id === 'compounds') as AreaLayer;
const look = KIND_SPECS.residentialCompound.look as { color: readonly number[]; fillAlpha: number; lineWidthPx: number };

describe('the residential compounds’ area layer', () => {
  it('is drawn from street zoom in, as its switch says, and is hidden below it', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    expect(compounds(set.build(frame(12))).props.visible).toBe(false);
    expect(set.drawn).not.toContain('compounds');
    expect(compounds(set.build(frame(13.5))).props.visible).toBe(true);
    expect(set.drawn).toContain('compounds');
    set.build(frame(13.5, { visible: { ...DEFAULT_VISIBLE, compounds: false } }));
    expect(set.drawn).not.toContain('compounds');
  });

  it('fills and strokes every outline from the catalogue’s rings as binary data, no object per compound', () => {
    const layer = compounds(createLiveLayerSet(catalog, TEST_ATLAS).build(frame(14)));
    const rings = catalog.groups.residentialCompound.paths!;
    expect(layer.props.rings).toBe(rings);
    // Render the sublayers as deck.gl would, without a GPU.
    const [fill, outline] = (layer as unknown as { renderLayers(): Layer[] }).renderLayers.call(Object.assign(Object.create(layer), { getSubLayerProps: (p: object) => p })) as [SolidPolygonLayer, PathLayer];
    expect(fill).toBeInstanceOf(SolidPolygonLayer);
    expect(outline).toBeInstanceOf(PathLayer);
    for (const sub of [fill, outline]) {
      const data = sub.props.data as unknown as { length: number; startIndices: Uint32Array; attributes: Record<string, { value: Float32Array; size: number }> };
      expect(data.length).toBe(4);
      expect(data.startIndices).toBe(rings.starts);
      expect(Object.values(data.attributes)[0]).toEqual({ value: rings.coords, size: 2 });
    }
    expect(fill.props._normalize).toBe(false);
    expect(fill.props.getFillColor).toEqual([...look.color, look.fillAlpha]);
    expect(outline.props._pathType).toBe('loop');
    expect(outline.props.getColor).toEqual([...look.color, 255]);
  });

  it('keeps its layer while nothing it draws changes, and a pick names the compound', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const first = compounds(set.build(frame(14)));
    expect(compounds(set.build(frame(14.5)))).toBe(first);
    expect(set.pickTarget('compounds', 2)).toEqual({ type: 'asset', kind: 'residentialCompound', slot: 2 });
    expect(set.pickTarget('compounds', 4)).toBeNull();
    expect(RESIDENTIAL_COMPOUND_LAYER.kind).toBe('residentialCompound');
  });

  it('is explained in the legend as an outlined, see-through area in the layer’s colour', () => {
    const section = legendSections(DEFAULT_VISIBLE).find((s) => s.id === 'compounds')!;
    expect(section.items).toEqual([{ label: 'detail.kinds.residentialCompound', color: look.color, shape: 'area', fillAlpha: look.fillAlpha }]);
  });
});
