import { describe, expect, it } from 'vitest';
import { PolygonLayer } from '@deck.gl/layers';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';
import { buildWarningAreaLayer, circleRing, CIRCLE_SEGMENTS, hasWarningAreas, WARNING_AREA_COLORS, WARNING_AREA_LAYER_ID, WARNING_FILL_ALPHA, warningAreaShapes, warningFillColor, type WarningAreaShape } from '@/map/layers/warningAreaLayer';
import { buildWarningOutlineLayer, WARNING_AREA_OUTLINE_LAYER_ID, WARNING_CASING, WARNING_LINE_PX, warningLineColor, WarningOutlineLayer } from '@/map/layers/warningAreaOutlineLayer';
import { PathLayer } from '@deck.gl/layers';

const square: [number, number][] = [[121.5, 31.1], [121.5, 31.3], [121.7, 31.3], [121.5, 31.1]];
const warning = (id: string, level: WeatherWarning['level'], extra: Partial<WeatherWarning> = {}): WeatherWarning => ({
  id, event: 'rainstorm', level, districts: [], issuedAt: 0, expiresAt: 1, state: 'active', headline: '', headlineEn: '', source: 'cap',
  areas: [{ areaDesc: '浦东新区', polygons: [square], circles: [{ center: [121.45, 31.2], radiusKm: 10 }] }],
  ...extra,
});

/** Great-circle distance, km. */
function km([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('the warning-area layer', () => {
  it('draws a circle as a closed ring at its radius on the ground', () => {
    const ring = circleRing([121.45, 31.2], 10);
    expect(ring).toHaveLength(CIRCLE_SEGMENTS + 1);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    for (const p of ring) expect(km([121.45, 31.2], p)).toBeCloseTo(10, 0);
  });

  it('takes the polygons and circles of the active warnings, the worst last', () => {
    const shapes = warningAreaShapes([warning('r', 'red'), warning('b', 'blue'), warning('c', 'orange', { state: 'cancelled' }), warning('o', 'yellow', { source: 'simulator', areas: undefined })]);
    expect(shapes.map((s) => [s.warningId, s.level, s.ring.length])).toEqual([
      ['b', 'blue', 4],
      ['b', 'blue', CIRCLE_SEGMENTS + 1],
      ['r', 'red', 4],
      ['r', 'red', CIRCLE_SEGMENTS + 1],
    ]);
    expect(shapes[0]!.ring).toEqual(square);
  });

  it('colours each area by its signal, see-through fill and solid outline on a dark casing', () => {
    const layer = buildWarningAreaLayer(warningAreaShapes([warning('o', 'orange')]));
    expect(layer.id).toBe(WARNING_AREA_LAYER_ID);
    const data = layer.props.data as WarningAreaShape[];
    expect(data).toHaveLength(2);
    expect(layer.props.getFillColor).toBe(warningFillColor);
    expect(layer.props.stroked).toBe(false);
    expect(warningFillColor(data[0]!)).toEqual([255, 140, 0, WARNING_FILL_ALPHA]);
    const outline = buildWarningOutlineLayer(data, 1);
    expect(outline).toBeInstanceOf(WarningOutlineLayer);
    const [casing, line] = outline.renderLayers() as PathLayer<WarningAreaShape>[];
    expect([casing, line].every((l) => l instanceof PathLayer && l.props.data === data)).toBe(true);
    expect([casing!.props.getColor, casing!.props.getWidth]).toEqual([[...WARNING_CASING], 2 * WARNING_LINE_PX]);
    expect([line!.props.getColor, line!.props.getWidth]).toEqual([warningLineColor, WARNING_LINE_PX]);
    expect(warningLineColor(data[1]!)).toEqual([...WARNING_AREA_COLORS.orange, 255]);
    expect(WARNING_AREA_COLORS.red).toEqual([255, 40, 40]);
    // Hovering an area names its warning.
    expect(layer.props.pickable).toBe(true);
  });

  it('says whether any warning in force has an area', () => {
    expect(hasWarningAreas([warning('o', 'orange')])).toBe(true);
    expect(hasWarningAreas([warning('c', 'orange', { state: 'cancelled' }), warning('s', 'yellow', { source: 'simulator', areas: undefined })])).toBe(false);
    expect(hasWarningAreas([warning('e', 'red', { areas: [{ areaDesc: '全市', polygons: [], circles: [] }] })])).toBe(false);
  });
});

describe('the warning-area layer on the live map', () => {
  const catalog = mapCatalog({});
  const frame = (warnings: WeatherWarning[], version: number): LiveFrame => ({
    channels: mapChannels(catalog), changed: everyChannelAt(1), visible: { ...DEFAULT_VISIBLE }, zoom: 10, uiScale: 0.5, pulse: 0, tickMs: 1000, smooth: true,
    events: { ...mapEvents({}, version), warnings: new Map(warnings.map((w) => [w.id, w])), changed: { alarms: 1, incidents: 1, closures: 1, warnings: version } },
  });
  const areas = (set: ReturnType<typeof createLiveLayerSet>, f: LiveFrame) => set.build(f).find((l) => l.id === WARNING_AREA_LAYER_ID) as PolygonLayer<WarningAreaShape>;

  it('follows the warnings as they change, drawn only while there are areas', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    expect(areas(set, frame([], 1)).props.data).toEqual([]);
    expect(set.drawn).not.toContain(WARNING_AREA_LAYER_ID);
    const on = areas(set, frame([warning('r', 'red')], 2));
    expect(on).toBeInstanceOf(PolygonLayer);
    expect((on.props.data as WarningAreaShape[]).map((s) => s.level)).toEqual(['red', 'red']);
    expect(set.drawn).toContain(WARNING_AREA_LAYER_ID);
    // Nothing changed: the same layer comes back, which deck.gl skips.
    expect(areas(set, frame([warning('r', 'red')], 2))).toBe(on);
    expect(areas(set, frame([], 3)).props.data).toEqual([]);
    expect(set.drawn).not.toContain(WARNING_AREA_LAYER_ID);
  });

  it('follows its switch, and a pick on an area names its warning', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const on = areas(set, frame([warning('b', 'blue'), warning('r', 'red')], 1));
    expect(on.props.visible).toBe(true);
    expect(set.pickTarget(WARNING_AREA_LAYER_ID, 0)).toEqual({ type: 'warning', id: 'b' });
    expect(set.pickTarget(WARNING_AREA_LAYER_ID, 3)).toEqual({ type: 'warning', id: 'r' });
    expect(set.pickTarget(WARNING_AREA_LAYER_ID, 4)).toBeNull();
    const off = { ...frame([warning('r', 'red')], 2), visible: { ...DEFAULT_VISIBLE, warningAreas: false } };
    expect(areas(set, off).props.visible).toBe(false);
    expect(set.drawn).not.toContain(WARNING_AREA_LAYER_ID);
    expect(set.drawn).not.toContain('warningAreaLabels');
    expect(set.drawn).not.toContain(WARNING_AREA_OUTLINE_LAYER_ID);
    expect(areas(set, frame([warning('r', 'red')], 2)).props.visible).toBe(true);
    // The tint beneath the roads, the outline above them, the labels over everything.
    expect(set.drawn.filter((id) => id.startsWith('warningArea') || id === 'roads')).toEqual([WARNING_AREA_LAYER_ID, 'roads', WARNING_AREA_OUTLINE_LAYER_ID, 'warningAreaLabels']);
  });
});
