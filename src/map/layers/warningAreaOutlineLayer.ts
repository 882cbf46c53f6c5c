/**
 * The weather warnings' areas outlined above the roads (issue 16): the tint of warningAreaLayer.ts
 * lies beneath the roads, and an outline there vanished under a congested city's orange and yellow
 * roads and the rain field. Here each ring is a line in its signal colour on a dark casing, so the
 * edge reads against any road, rain band or other warning; the points and incidents still draw
 * above it. Under the warning areas' switch. Pure: warnings in, a layer out.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { PathLayer } from '@deck.gl/layers';
import type { Rgb } from '@/shared/palette';
import { defineLayer, layoutPx } from './layerSpec';
import { switchedOn } from './liveSlot';
import { WARNING_AREA_COLORS, warningAreaShapes, type WarningAreaShape } from './warningAreaLayer';

export const WARNING_AREA_OUTLINE_LAYER_ID = 'warningAreaOutlines';
/** The signal line's width, design pixels at the 3840-wide layout. */
export const WARNING_LINE_PX = 4;
/** The casing's colour: the wall's sea, nearly opaque. */
export const WARNING_CASING: readonly [...Rgb, number] = [4, 11, 22, 220];

/** A shape's line: its signal colour, solid. */
export const warningLineColor = (s: WarningAreaShape): [number, number, number, number] => [...WARNING_AREA_COLORS[s.level], 255];

interface WarningOutlineProps {
  data: WarningAreaShape[];
  /** The signal line's width, pixels; the casing is twice as wide. */
  widthPx: number;
  /** Changes when the shapes do. */
  version: number;
}

/** The casing, then the signal line over it. */
export class WarningOutlineLayer extends CompositeLayer<WarningOutlineProps> {
  static layerName = 'WarningOutlineLayer';
  static defaultProps: DefaultProps<WarningOutlineProps> = { data: { type: 'object', value: [] }, widthPx: { type: 'number', value: 2 }, version: { type: 'number', value: 0 } };

  renderLayers() {
    const { data, widthPx, version } = this.props;
    const common = { data, getPath: (s: WarningAreaShape) => s.ring, widthUnits: 'pixels' as const, jointRounded: true, capRounded: true, pickable: false, updateTriggers: { getPath: version, getColor: version } };
    return [
      new PathLayer<WarningAreaShape>(this.getSubLayerProps({ ...common, id: 'casing', getColor: [...WARNING_CASING], getWidth: widthPx * 2 })),
      new PathLayer<WarningAreaShape>(this.getSubLayerProps({ ...common, id: 'line', getColor: warningLineColor, getWidth: widthPx })),
    ];
  }
}

/** The outlines of `shapes`; `uiScale` is the wall's layout scale, `on` the warning areas' switch. */
export function buildWarningOutlineLayer(shapes: WarningAreaShape[], uiScale: number, version = 0, on = true): WarningOutlineLayer {
  return new WarningOutlineLayer({ id: WARNING_AREA_OUTLINE_LAYER_ID, data: shapes, widthPx: layoutPx(WARNING_LINE_PX, uiScale, 1.5), version, visible: on } as WarningOutlineProps & CompositeLayerProps);
}

/** The live layer: its rings are redone when the warnings change. */
export const WARNING_AREA_OUTLINE_LAYER = defineLayer({
  id: WARNING_AREA_OUTLINE_LAYER_ID,
  kind: null,
  channels: [],
  prepare: () => ({ shapes: [] as WarningAreaShape[], version: -1 }),
  shown: (_s, f) => switchedOn(f, 'warningAreas'),
  paintKey: (f) => String(f.events.changed.warnings ?? -1),
  paint(state, f) {
    state.version = f.events.changed.warnings ?? -1;
    state.shapes = warningAreaShapes(f.events.warnings?.values() ?? []);
  },
  key: ({ version }, f, on) => (on ? `1|${version}|${f.uiScale}` : '0'),
  build: ({ shapes, version }, f, on) => buildWarningOutlineLayer(shapes, f.uiScale, version, on),
  pick: () => null,
  count: ({ shapes }) => shapes.length,
});
