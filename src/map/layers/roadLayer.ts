/**
 * Road segments coloured by congestion index. Everything is a binary attribute: both ends read from
 * the catalogue's one lon0,lat0,lon1,lat1 array with a stride, widths precomputed per class, colours
 * written into a swap buffer. No per-segment object or accessor function, so 50,000 segments update
 * for the cost of one colour pass and one upload.
 */
import { LineLayer } from '@deck.gl/layers';
import { writeCongestionColors, writeStaleAsNoData } from '../liveColors';
import { ROAD_CLASS_WIDTH } from '../mapPalette';
import { SwapBuffer, type AttributeValue } from '../swapBuffer';
import { defineLayer, slotTarget } from './layerSpec';
import { LiveData } from './liveData';

export const ROAD_LAYER_ID = 'roads';

/** Stable wrappers around the catalogue's `lines` array: made once per catalogue. */
export interface RoadGeometry {
  count: number;
  sources: { value: Float32Array; size: 2; stride: 16; offset: 0 };
  targets: { value: Float32Array; size: 2; stride: 16; offset: 8 };
  /** Design pixels per segment, by road class. */
  widths: { value: Float32Array; size: 1 };
}

export function roadGeometry(lines: Float32Array, classes: readonly number[], widthByClass: readonly number[]): RoadGeometry {
  const count = lines.length / 4;
  const widths = new Float32Array(count);
  for (let i = 0; i < count; i++) widths[i] = widthByClass[classes[i]] ?? widthByClass[widthByClass.length - 1];
  return {
    count,
    sources: { value: lines, size: 2, stride: 16, offset: 0 },
    targets: { value: lines, size: 2, stride: 16, offset: 8 },
    widths: { value: widths, size: 1 },
  };
}

export type RoadData = LiveData<'getSourcePosition' | 'getTargetPosition' | 'getWidth' | 'getColor'>;

/** The road layer's data, once per catalogue: the geometry, and colours swapped per update. */
export function roadData(geometry: RoadGeometry, colors: AttributeValue): RoadData {
  return new LiveData(geometry.count, { getSourcePosition: geometry.sources, getTargetPosition: geometry.targets, getWidth: geometry.widths, getColor: colors });
}

export interface RoadLayerInput {
  data: RoadData;
  visible: boolean;
  /** Layout scale of the wall (1 at 3840 px wide): multiplies the design widths. */
  uiScale: number;
}

export function buildRoadLayer({ data, visible, uiScale }: RoadLayerInput): LineLayer {
  return new LineLayer({
    id: ROAD_LAYER_ID,
    data: data.data,
    updateTriggers: data.triggers,
    visible,
    widthUnits: 'pixels',
    widthScale: uiScale,
    widthMinPixels: 1,
    pickable: true,
  });
}

/** Road segments by congestion (a stale index is no data): one colour pass over every segment when the index channel changed. */
export const ROAD_LAYER = defineLayer({
  id: ROAD_LAYER_ID,
  kind: 'roadSegment',
  channels: ['road.index'],
  prepare(env) {
    const g = env.catalog.groups.roadSegment;
    const colors = new SwapBuffer(g.count);
    const geometry = roadGeometry(g.lines ?? new Float32Array(g.count * 4), g.attributes.class ?? [], ROAD_CLASS_WIDTH);
    return { count: g.count, colors, data: roadData(geometry, colors.current) };
  },
  paint({ colors, data }, f) {
    const write = (out: Uint8Array) => {
      writeCongestionColors(f.channels['road.index'], out);
      writeStaleAsNoData(f.stale?.['road.index'], out);
    };
    if (colors.write(write)) data.set('getColor', colors.current);
  },
  key: ({ data }, f, on) => (on ? `1|${data.version}|${f.uiScale}` : `0|${f.uiScale}`),
  build: ({ data }, f, on) => buildRoadLayer({ data, visible: on, uiScale: f.uiScale }),
  pick: ({ count }, index) => slotTarget('roadSegment', count, index),
  count: ({ count }) => count,
});
