import { BitmapLayer, IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { closedSegments } from '@/map/closureCache';
import { packIncidents } from '@/map/incidentCache';
import { buildClosureLayer, ClosureLayer } from '@/map/layers/closureLayer';
import { bubbleRadius, buildClusterLayer, clusterLabels, DrainageClusterLayer } from '@/map/layers/clusterLayer';
import { buildDotPointLayer } from '@/map/layers/dotPointLayer';
import { buildIconPointLayer } from '@/map/layers/iconPointLayer';
import { buildIncidentLayer, IncidentLayer } from '@/map/layers/incidentLayer';
import { LiveData } from '@/map/layers/liveData';
import { buildRainFieldLayer, type RainFieldLayer } from '@/map/layers/rainFieldLayer';
import { buildRoadLayer, roadData, roadGeometry } from '@/map/layers/roadLayer';
import { buildTeamLayer } from '@/map/layers/teamLayer';
import { ROAD_CLASS_WIDTH } from '@/map/mapPalette';
import type { RainFieldPicture } from '@/map/rainField';
import { floatSwapBuffer, SwapBuffer } from '@/map/swapBuffer';
import { incident, TEST_ATLAS } from '../../../../support/mapFixtures';

type Attr = { value: ArrayLike<number>; size?: number; stride?: number; offset?: number; normalized?: boolean };
const attrs = (layer: { props: { data: unknown } }) => (layer.props.data as { length: number; attributes: Record<string, Attr> }).attributes;

describe('road layer', () => {
  const lines = Float32Array.from([121, 31, 121.1, 31.1, 121.2, 31.2, 121.3, 31.3]);
  const geometry = roadGeometry(lines, [0, 2], ROAD_CLASS_WIDTH);

  it('is a LineLayer reading both ends from one lines array with a stride', () => {
    const layer = buildRoadLayer({ data: roadData(geometry, new SwapBuffer(2).next()), visible: true, uiScale: 0.5 });
    expect(layer).toBeInstanceOf(LineLayer);
    const a = attrs(layer);
    expect(a.getSourcePosition).toMatchObject({ size: 2, stride: 16, offset: 0 });
    expect(a.getTargetPosition).toMatchObject({ size: 2, stride: 16, offset: 8 });
    expect(a.getSourcePosition.value).toBe(lines);
    expect(a.getTargetPosition.value).toBe(lines);
    expect(a.getColor).toMatchObject({ size: 4, normalized: true });
    expect(layer.props.widthScale).toBe(0.5);
  });

  it('widens roads by class, once per catalogue, and uses no accessor function', () => {
    expect(Array.from(geometry.widths.value)).toEqual([ROAD_CLASS_WIDTH[0], ROAD_CLASS_WIDTH[2]].map(Math.fround));
    const layer = buildRoadLayer({ data: roadData(geometry, new SwapBuffer(2).next()), visible: true, uiScale: 1 });
    for (const [key, value] of Object.entries(layer.props)) if (key.startsWith('get')) expect(typeof value, key).not.toBe('function');
  });
});

describe('live layer data', () => {
  it('keeps one data object and bumps a trigger only for the accessor whose value changed', () => {
    const positions = { value: Float32Array.from([121, 31]), size: 2 };
    const colors = new SwapBuffer(1);
    const live = new LiveData(1, { getPosition: positions, getColor: colors.current });
    const data = live.data;
    const before = live.triggers;
    live.set('getColor', colors.current); // the same value: nothing to upload
    expect(live.triggers).toBe(before);
    live.set('getColor', colors.next());
    expect(live.data).toBe(data);
    expect(live.data.attributes.getColor).toBe(colors.current);
    expect(live.data.attributes.getPosition).toBe(positions);
    expect(live.triggers).toEqual({ getPosition: 0, getColor: 1 });
    // A new triggers object per change, so deck.gl sees that prop change; the old one is left as it was.
    expect(before).toEqual({ getPosition: 0, getColor: 0 });
  });
});

describe('point and icon layers', () => {
  const positions = { value: Float32Array.from([121, 31, 121.1, 31.1]), size: 2 as const };
  const colors = new SwapBuffer(2).next();

  it('draws pumps, underpasses and waterlogging points as masked icons of distinct shapes, in one layer', () => {
    const positions3 = { value: Float32Array.from([121, 31, 121.1, 31.1, 121.2, 31.2]), size: 2 as const };
    const colors3 = new SwapBuffer(3).next();
    const sizes = { value: Float32Array.from([16, 17, 18]), size: 1 };
    const data = new LiveData(3, { getPosition: positions3, getColor: colors3, getSize: sizes });
    const layer = buildIconPointLayer({ id: 'pumps+underpasses+waterlogging', data, icons: ['pump', 'underpass', 'waterlogging'], atlas: TEST_ATLAS, visible: true });
    expect(layer).toBeInstanceOf(IconLayer);
    const iconAt = (index: number) => (layer.props.getIcon as unknown as (d: unknown, info: { index: number }) => string)(null, { index });
    expect([0, 1, 2].map(iconAt)).toEqual(['pump', 'underpass', 'waterlogging']);
    expect(attrs(layer).getPosition.value).toBe(positions3.value);
    expect(attrs(layer).getColor).toBe(colors3);
    expect(attrs(layer).getSize).toBe(sizes);
    expect(layer.props.data).toBe(data.data);
    expect(layer.props.iconMapping).toBe(TEST_ATLAS.mapping);
    for (const icon of [0, 1, 2].map(iconAt)) expect(TEST_ATLAS.mapping[icon as keyof typeof TEST_ATLAS.mapping].mask).toBe(true);
  });

  it('keeps the water gauges as rings', () => {
    const data = new LiveData(2, { getPosition: positions, getFillColor: new SwapBuffer(2).next(), getLineColor: colors, getRadius: { value: new Float32Array(2), size: 1 }, getLineWidth: { value: new Float32Array(2), size: 1 } });
    const layer = buildDotPointLayer({ id: 'waterGauges+rainGauges', data, visible: true });
    expect(layer).toBeInstanceOf(ScatterplotLayer);
    expect(layer.props.stroked).toBe(true);
    expect(attrs(layer).getLineColor).toBe(colors);
  });

  it('moves teams with a position transition about one tick long', () => {
    const buf = floatSwapBuffer(2, 3);
    const data = new LiveData(2, { getPosition: buf.next(), getColor: new SwapBuffer(2).next() });
    const layer = buildTeamLayer({ data, icons: ['floodTeam', 'pumpTruck'], atlas: TEST_ATLAS, visible: true, sizePx: 20, transitionMs: 1000 });
    expect(layer).toBeInstanceOf(IconLayer);
    expect(attrs(layer).getPosition).toMatchObject({ size: 3 });
    expect(layer.props.transitions).toMatchObject({ getPosition: { duration: 1000 } });
    // The icons are per slot and fixed; positions and colours follow their swaps.
    expect(layer.props.updateTriggers).toMatchObject({ getPosition: 0, getColor: 0 });
  });
});

describe('rain field, closures, clusters, incidents', () => {
  it('draws the rain field as one texture over the grid bounds, written anew per picture, never recreated', () => {
    const picture = (fill: number): RainFieldPicture => ({ pixels: new Uint8ClampedArray(8).fill(fill), width: 2, height: 1, bounds: [121, 31, 122, 32] });
    // A stand-in device: deck.gl layers get theirs from the map's WebGL context.
    const textures: { width: number; height: number; written: number[][]; destroyed: boolean }[] = [];
    const device = {
      createTexture: (props: { width: number; height: number }) => {
        const texture = { width: props.width, height: props.height, written: [] as number[][], destroyed: false, writeData: (d: Uint8ClampedArray) => texture.written.push(Array.from(d)), destroy: () => (texture.destroyed = true) };
        textures.push(texture);
        return texture;
      },
    };
    const run = (p: RainFieldPicture | null, previous?: RainFieldLayer) => {
      const layer = buildRainFieldLayer({ picture: p, visible: true });
      Object.assign(layer, { context: { device }, setNeedsRedraw: () => {} });
      layer.state = previous?.state ?? { texture: null, written: null };
      if (!previous) layer.initializeState();
      layer.updateState();
      return layer;
    };
    expect(buildRainFieldLayer({ picture: null, visible: true }).props.visible).toBe(false);
    const first = run(picture(10));
    const bitmap = first.renderLayers() as BitmapLayer;
    expect(bitmap).toBeInstanceOf(BitmapLayer);
    expect(bitmap.props.bounds).toEqual([121, 31, 122, 32]);
    expect(first.props.opacity).toBeLessThan(1);
    const second = run(picture(20), first);
    expect(textures).toHaveLength(1);
    expect(textures[0].written.map((w) => w[0])).toEqual([10, 20]);
    expect((second.renderLayers() as BitmapLayer).props.image).toBe(bitmap.props.image);
  });

  it('gathers closed segments in slot order, without duplicates', () => {
    const lines = new Float32Array(12).map((_, i) => i);
    const segments = closedSegments([2, 0, 2], lines);
    expect(Array.from(segments.slots)).toEqual([0, 2]);
    expect(Array.from(segments.lines)).toEqual([0, 1, 2, 3, 8, 9, 10, 11]);
    expect(buildClosureLayer({ segments, atlas: TEST_ATLAS, visible: true, uiScale: 1 })).toBeInstanceOf(ClosureLayer);
    const withNotice = closedSegments([1], lines, [{ lon: 121.4, lat: 31.2, underpassSlot: 7 }]);
    expect(Array.from(withNotice.notices)).toEqual([121.4, 31.2].map(Math.fround));
    expect(Array.from(withNotice.underpasses)).toEqual([7]);
  });

  it('sizes cluster bubbles by count', () => {
    expect(bubbleRadius(100)).toBeGreaterThan(bubbleRadius(10));
    expect(buildClusterLayer({ bubbles: [], atlas: TEST_ATLAS, visible: true, uiScale: 1 })).toBeInstanceOf(DrainageClusterLayer);
  });

  it('labels every bubble with its count in digits and an alarmed one with a badge of its alarms, badges last', () => {
    const bubble = (id: number, count: number, alarms: number) => ({ id, lon: 121.4, lat: 31.2, count, worst: alarms ? 0 : 4, alarms });
    const labels = clusterLabels([bubble(1, 12, 0), bubble(2, 30, 3)], 0.5);
    expect(labels.icons).toEqual(['digit1', 'digit2', 'digit3', 'digit0', 'badge', 'digit3']);
    // A number's digits sit side by side about the bubble's centre; the badge at its upper right.
    const dx = (i: number) => labels.offsets[i * 2];
    expect(dx(0)).toBeLessThan(0);
    expect(dx(1)).toBeCloseTo(-dx(0));
    expect(dx(4)).toBeGreaterThan(0);
    expect(labels.offsets[4 * 2 + 1]).toBeLessThan(0);
    expect(dx(5)).toBeCloseTo(dx(4));
    for (const icon of labels.icons) expect(TEST_ATLAS.mapping[icon]).toBeDefined();
  });

  it('packs incidents least urgent first, marks new ones and lists P1/P2 for the pulse', () => {
    const packed = packIncidents([incident('a', 1, 'dispatched'), incident('b', 3, 'new'), incident('c', 2, 'new'), incident('gone', 1, 'resolved')]);
    expect(packed.ids).toEqual(['b', 'c', 'a']);
    expect(Array.from(packed.urgent)).toEqual([1, 2]);
    expect(packed.radius[2]).toBeGreaterThan(packed.radius[0]);
    // 'new' (not dispatched): a thicker white ring than incidents being handled.
    expect(packed.outlineWidth[1]).toBeGreaterThan(packed.outlineWidth[2]);
    expect(Array.from(packed.outline.slice(4, 7))).toEqual([255, 255, 255]);
    expect(buildIncidentLayer({ incidents: packed, pulse: 0.3, visible: true, uiScale: 1 })).toBeInstanceOf(IncidentLayer);
  });
});
