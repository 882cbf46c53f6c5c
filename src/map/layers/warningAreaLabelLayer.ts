/**
 * The weather warnings' areas named on the map (issue 16): one label per CAP area, "暴雨橙色预警 ·
 * 浦东新区", at the middle of its largest polygon (or its first circle), as a badge in the warning's
 * signal colour like the header's and the ticker's, so a person at the wall reads which warning an
 * area is without hovering it. Under the warning areas' switch. Pure: warnings in, a layer out.
 *
 * Text needs two more deck.gl layer types compiled (a second or so under software GL, see
 * clusterLayer.ts), so the TextLayer is made only while there is a label to draw: most of the time
 * no warning has areas and the wall pays nothing for this layer.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { WARNING_LEVELS, type WarningArea, type WarningLevel, type WeatherWarning } from '@/protocol/weatherWarnings';
import type { Rgb } from '@/shared/palette';
import { defineLayer, layoutPx, type MapTexts } from './layerSpec';
import { switchedOn } from './liveSlot';
import { WARNING_AREA_COLORS } from './warningAreaLayer';

export const WARNING_AREA_LABEL_LAYER_ID = 'warningAreaLabels';
/** Label text, design pixels at the 3840-wide layout: as large as the biggest district names. */
export const WARNING_LABEL_PX = 34;
/** The badge's text colour: the wall's ink, as on the ticker's badges. */
export const WARNING_LABEL_INK: Rgb = [4, 11, 22];
/** The wall's fonts, CJK first (src/shared/theme.css). */
const FONT = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** One area's label. */
export interface WarningLabel {
  warningId: string;
  level: WarningLevel;
  text: string;
  /** [lon, lat] */
  position: [number, number];
}

/** Twice the area of a ring and its centroid (planar in degrees: fine for a city's areas). */
function ringCentroid(ring: readonly [number, number][]): { area2: number; center: [number, number] } {
  // Taken about the first vertex: products of whole longitudes would lose the digits that matter.
  const [ox, oy] = ring[0] ?? [0, 0];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i]![0] - ox;
    const y0 = ring[i]![1] - oy;
    const x1 = ring[i + 1]![0] - ox;
    const y1 = ring[i + 1]![1] - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) {
    // A degenerate ring (a line, a point): the mean of its vertices.
    const n = Math.max(1, ring.length);
    return { area2: 0, center: [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n] };
  }
  return { area2: Math.abs(a), center: [ox + cx / (3 * a), oy + cy / (3 * a)] };
}

/** Where an area's label goes: the centroid of its largest polygon, else its first circle's centre; null with neither. */
export function labelPosition(area: WarningArea): [number, number] | null {
  let best: { area2: number; center: [number, number] } | null = null;
  for (const ring of area.polygons) {
    const c = ringCentroid(ring);
    if (!best || c.area2 > best.area2) best = c;
  }
  return best?.center ?? area.circles[0]?.center ?? null;
}

/** A label's text: the warning's title and the area's description, or the title alone. */
export const labelText = (title: string, areaDesc: string) => (areaDesc.trim() ? `${title} · ${areaDesc.trim()}` : title);

/** The labels of the active warnings' areas, least severe first (so the worst draw on top). */
export function warningLabels(warnings: Iterable<WeatherWarning>, titleOf: (w: WeatherWarning) => string): WarningLabel[] {
  const out: WarningLabel[] = [];
  for (const w of warnings) {
    if (w.state !== 'active') continue;
    for (const area of w.areas ?? []) {
      const position = labelPosition(area);
      if (position) out.push({ warningId: w.id, level: w.level, text: labelText(titleOf(w), area.areaDesc), position });
    }
  }
  return out.sort((a, b) => WARNING_LEVELS.indexOf(a.level) - WARNING_LEVELS.indexOf(b.level));
}

/** Without the screen's words: the issuer's event text ("暴雨橙色预警"), else the office's event. */
export const ownTitle = (w: WeatherWarning) => w.eventText ?? w.event;

interface WarningLabelProps {
  data: WarningLabel[];
  /** Text size, pixels. */
  sizePx: number;
  /** Changes when the labels do. */
  version: number;
}

/** A TextLayer of the labels, made only while there are labels. */
export class WarningLabelLayer extends CompositeLayer<WarningLabelProps> {
  static layerName = 'WarningLabelLayer';
  static defaultProps: DefaultProps<WarningLabelProps> = { data: { type: 'object', value: [] }, sizePx: { type: 'number', value: 16 }, version: { type: 'number', value: 0 } };

  renderLayers() {
    const { data, sizePx, version } = this.props;
    if (data.length === 0) return [];
    return new TextLayer<WarningLabel>(
      this.getSubLayerProps({
        id: 'text',
        data,
        updateTriggers: { getText: version, getPosition: version, getBackgroundColor: version },
        characterSet: 'auto',
        fontFamily: FONT,
        fontWeight: 700,
        getText: (l: WarningLabel) => l.text,
        getPosition: (l: WarningLabel) => l.position,
        getSize: sizePx,
        sizeUnits: 'pixels',
        getColor: [...WARNING_LABEL_INK, 255],
        background: true,
        getBackgroundColor: warningLabelBackground,
        backgroundPadding: [sizePx * 0.45, sizePx * 0.2],
        // A dark rim parts the badge from a rain field or an area of the same colour beneath it.
        getBorderColor: [...WARNING_LABEL_INK, 230],
        getBorderWidth: Math.max(1, sizePx / 14),
        backgroundBorderRadius: sizePx * 0.2,
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        pickable: false,
      }),
    );
  }
}

/** A label's badge: its signal colour, solid. */
export const warningLabelBackground = (l: WarningLabel): [number, number, number, number] => [...WARNING_AREA_COLORS[l.level], 255];

/** The labels' layer; `uiScale` is the wall's layout scale, `on` the warning areas' switch. */
export function buildWarningLabelLayer(labels: WarningLabel[], uiScale: number, version = 0, on = true): WarningLabelLayer {
  return new WarningLabelLayer({ id: WARNING_AREA_LABEL_LAYER_ID, data: labels, sizePx: layoutPx(WARNING_LABEL_PX, uiScale, 14), version, visible: on } as WarningLabelProps & CompositeLayerProps);
}

const titleOf = (texts: MapTexts | undefined) => texts?.warningTitle ?? ownTitle;

/** The live layer: its labels are redone when the warnings or the screen's language change. */
export const WARNING_AREA_LABEL_LAYER = defineLayer({
  id: WARNING_AREA_LABEL_LAYER_ID,
  kind: null,
  channels: [],
  prepare: () => ({ labels: [] as WarningLabel[], version: 0 }),
  shown: (_s, f) => switchedOn(f, 'warningAreas'),
  paintKey: (f) => `${f.events.changed.warnings ?? -1}|${f.texts?.locale ?? ''}`,
  paint(state, f) {
    state.version++;
    state.labels = warningLabels(f.events.warnings?.values() ?? [], titleOf(f.texts));
  },
  key: ({ version }, f, on) => (on ? `1|${version}|${f.uiScale}` : '0'),
  build: ({ labels, version }, f, on) => buildWarningLabelLayer(labels, f.uiScale, version, on),
  pick: () => null,
  count: ({ labels }) => labels.length,
});
