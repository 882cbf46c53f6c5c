/**
 * The weather warnings' areas named on the map (issue 16): one label per CAP area, "暴雨橙色预警 ·
 * 浦东新区", in the middle of its largest polygon or first circle (above its top where the area is
 * small at this zoom), as a badge in the warning's signal colour like the header's and the ticker's,
 * so a person at the wall reads which warning an area is without hovering it. Under the warning areas' switch. Pure: warnings in, a layer out.
 *
 * Text needs two more deck.gl layer types compiled (a second or so under software GL, see
 * clusterLayer.ts), so the TextLayer is made only while there is a label to draw: most of the time
 * no warning has areas and the wall pays nothing for this layer.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { areaDescIn, WARNING_LEVELS, type WarningArea, type WarningLevel, type WeatherWarning } from '@/protocol/weatherWarnings';
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
  place: LabelPlace;
  /** [lon, lat]: where it is drawn, its place's centre or top (see {@link stackLabels}). */
  position: [number, number];
  /** Screen pixels it is moved by: up clear of the area's outline, and of a worse warning's label at the same place. */
  offset: [number, number];
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
  if (a === 0) return { area2: 0, center: [ox, oy] };
  return { area2: Math.abs(a), center: [ox + cx / (3 * a), oy + cy / (3 * a)] };
}

const KM_PER_DEG_LAT = 111.32;

/** Where an area can be labelled: the middle of its largest polygon (or its first circle), the top of it, and its extent. */
export interface LabelPlace {
  /** [lon, lat]: the centroid. */
  center: [number, number];
  /** [lon, lat]: the northernmost point. */
  top: [number, number];
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

/** The place of an area's label, from its largest polygon, else its first circle; null with neither. */
export function labelPlace(area: WarningArea): LabelPlace | null {
  let ring: readonly [number, number][] | null = null;
  let best = { area2: -1, center: [0, 0] as [number, number] };
  for (const r of area.polygons) {
    const c = r.length > 0 ? ringCentroid(r) : null;
    if (c && c.area2 > best.area2) [ring, best] = [r, c];
  }
  if (ring) {
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const top = ring.reduce((t, p) => (p[1] > t[1] ? p : t), ring[0]!);
    return { center: best.center, top: [top[0], top[1]], bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] };
  }
  const circle = area.circles[0];
  if (!circle) return null;
  const [lon, lat] = circle.center;
  const dLat = circle.radiusKm / KM_PER_DEG_LAT;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return { center: [lon, lat], top: [lon, lat + dLat], bounds: [lon - dLon, lat - dLat, lon + dLon, lat + dLat] };
}

/** Places an area's description names in its label, as the ticker names districts; the tooltip has them all. */
export const MAX_LABEL_PLACES = 3;

/**
 * A label's text: the warning's title and the area's description, or the title alone. A description
 * that lists places ("黄浦区、徐汇区、…" for a warning over half the city) keeps its first
 * {@link MAX_LABEL_PLACES} and an ellipsis, so one label does not run across the map.
 */
export function labelText(title: string, areaDesc: string): string {
  const places = areaDesc.trim().split(/\s*[、,，;；]\s*/).filter((p) => p !== '');
  if (places.length === 0) return title;
  const separator = /[、，；]/.test(areaDesc) ? '、' : ', ';
  const named = places.slice(0, MAX_LABEL_PLACES).join(separator);
  return `${title} · ${named}${places.length > MAX_LABEL_PLACES ? ' …' : ''}`;
}

/** The labels of the active warnings' areas, least severe first (so the worst draw on top). */
export function warningLabels(warnings: Iterable<WeatherWarning>, titleOf: (w: WeatherWarning) => string, english = false): WarningLabel[] {
  const out: WarningLabel[] = [];
  for (const w of warnings) {
    if (w.state !== 'active') continue;
    for (const area of w.areas ?? []) {
      const place = labelPlace(area);
      if (place) out.push({ warningId: w.id, level: w.level, text: labelText(titleOf(w), areaDescIn(area, english)), place, position: place.center, offset: [0, 0] });
    }
  }
  return out.sort((a, b) => WARNING_LEVELS.indexOf(a.level) - WARNING_LEVELS.indexOf(b.level));
}

/** Em widths of a label's text: a CJK character is a full em, Latin letters and digits about half. */
export const textEms = (text: string) => [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6), 0);

/** The air between a tab label's badge and its area's top, in ems (clear of the outline's casing). */
const LIFT_EM = 0.25;

/** A label's badge, screen pixels at `sizePx`: text plus the badge's padding. */
function badgeSize(text: string, sizePx: number): [number, number] {
  return [textEms(text) * sizePx + sizePx * 1.1, sizePx * 1.6];
}

/** Web mercator pixels of [lon, lat] in a world `world` pixels wide. */
const mercator = ([lon, lat]: readonly [number, number], world: number): [number, number] => [
  ((lon + 180) / 360) * world,
  ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world,
];

/**
 * Places the labels at `zoom`: in the middle of an area that is roomy enough around its badge, else
 * as a tab just above the area's top (at city zoom a district's warning area can be smaller than its
 * label, which in the middle would hide the area it names). Labels that would overlap (several
 * warnings over one district name it at one place) move apart, the worst warning's staying put.
 * `labels` is least severe first, as drawn; their positions and offsets are rewritten. Web
 * mercator with 512 px tiles, as the map.
 */
export function stackLabels(labels: WarningLabel[], zoom: number, sizePx: number): WarningLabel[] {
  const world = 512 * 2 ** zoom;
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const gap = sizePx * 0.2;
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i]!;
    const [w, h] = badgeSize(label.text, sizePx);
    const [west, south, east, north] = label.place.bounds;
    const [x0, y0] = mercator([west, north], world);
    const [x1, y1] = mercator([east, south], world);
    // Roomy: a badge that overhangs the sides a little still reads as the area's own.
    const roomy = x1 - x0 >= 0.6 * w && y1 - y0 >= 2.5 * h;
    label.position = roomy ? label.place.center : label.place.top;
    const [x, y] = mercator(label.position, world);
    // A tab stands on the area's top and moves up; a label in the middle moves down.
    const step = roomy ? h + gap : -(h + gap);
    let dy = roomy ? 0 : -(h / 2 + LIFT_EM * sizePx);
    const box = () => ({ x0: x - w / 2, x1: x + w / 2, y0: y + dy - h / 2, y1: y + dy + h / 2 });
    for (let tries = 0; tries < labels.length && placed.some((b) => overlaps(b, box())); tries++) dy += step;
    placed.push(box());
    label.offset = [0, dy];
  }
  return labels;
}

const overlaps = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

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
        updateTriggers: { getText: version, getPosition: version, getPixelOffset: version, getBackgroundColor: version },
        characterSet: 'auto',
        fontFamily: FONT,
        fontWeight: 700,
        getText: (l: WarningLabel) => l.text,
        getPosition: (l: WarningLabel) => l.position,
        getPixelOffset: (l: WarningLabel) => l.offset,
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
  return new WarningLabelLayer({ id: WARNING_AREA_LABEL_LAYER_ID, data: labels, sizePx: labelPx(uiScale), version, visible: on } as WarningLabelProps & CompositeLayerProps);
}

/** The labels' text size, pixels, at a layout scale: never below a readable 14 px on a small screen. */
const labelPx = (uiScale: number) => layoutPx(WARNING_LABEL_PX, uiScale, 14);

const titleOf = (texts: MapTexts | undefined) => texts?.warningTitle ?? ownTitle;

/** The live layer: its labels are redone when the warnings or the screen's language change. */
export const WARNING_AREA_LABEL_LAYER = defineLayer({
  id: WARNING_AREA_LABEL_LAYER_ID,
  kind: null,
  channels: [],
  prepare: () => ({ labels: [] as WarningLabel[], version: 0 }),
  shown: (_s, f) => switchedOn(f, 'warningAreas'),
  // Restacked by the half zoom step: the map redraws on whole steps of zoom, so that is often enough.
  paintKey: (f) => `${f.events.changed.warnings ?? -1}|${f.texts?.locale ?? ''}|${Math.round(f.zoom * 2)}|${f.uiScale}`,
  paint(state, f) {
    state.version++;
    state.labels = stackLabels(warningLabels(f.events.warnings?.values() ?? [], titleOf(f.texts), f.texts?.locale === 'en'), Math.round(f.zoom * 2) / 2, labelPx(f.uiScale));
  },
  key: ({ version }, f, on) => (on ? `1|${version}|${f.uiScale}` : '0'),
  build: ({ labels, version }, f, on) => buildWarningLabelLayer(labels, f.uiScale, version, on),
  pick: () => null,
  count: ({ labels }) => labels.length,
});
