/**
 * The weather warnings' areas (CAP polygons and circles, issue 16) as one deck.gl PolygonLayer under
 * the `warningAreas` switch (on by default: a warning in force is on the wall as it is in the header
 * and ticker), tinted see-through in each warning's signal colour beneath the roads; a pick names the
 * warning (its tooltip: headline, sender, times, age). Their outlines, above the roads, are
 * warningAreaOutlineLayer.ts; their labels warningAreaLabelLayer.ts. A circle is drawn as a ring of
 * {@link CIRCLE_SEGMENTS} points at its radius on the ground, so both shapes are one layer's data.
 * The worse signals are drawn last, on top. Warnings without areas (the simulated office's, which
 * name districts) draw nothing here. Pure: warnings in, a layer out.
 */
import { PolygonLayer } from '@deck.gl/layers';
import { WARNING_LEVELS, type WarningLevel, type WeatherWarning } from '@/protocol/weatherWarnings';
import { hexToRgb, SIGNAL_COLORS, type Rgb } from '@/shared/palette';
import { defineLayer } from './layerSpec';

export const WARNING_AREA_LAYER_ID = 'warningAreas';
/** Points on a circle's ring: round at any zoom the wall shows a city at. */
export const CIRCLE_SEGMENTS = 64;
/**
 * Fill alpha (0–255): the map under a warning stays readable. Light, as warnings overlap (a
 * city-wide heat warning under a district's rainstorm) and lie on the rain field: the outline and
 * the label carry the signal, the tint only says "inside".
 */
export const WARNING_FILL_ALPHA = 40;
const KM_PER_DEG_LAT = 111.32;

export const WARNING_AREA_COLORS: Record<WarningLevel, Rgb> = {
  blue: hexToRgb(SIGNAL_COLORS.blue),
  yellow: hexToRgb(SIGNAL_COLORS.yellow),
  orange: hexToRgb(SIGNAL_COLORS.orange),
  red: hexToRgb(SIGNAL_COLORS.red),
};

/** One ring to draw: a polygon or a circle of one warning. */
export interface WarningAreaShape {
  warningId: string;
  level: WarningLevel;
  /** Closed ring of [lon, lat]. */
  ring: [number, number][];
}

/** A closed ring of `segments` points `radiusKm` from `center` ([lon, lat]), on a local flat earth (fine below a few hundred km). */
export function circleRing(center: readonly [number, number], radiusKm: number, segments = CIRCLE_SEGMENTS): [number, number][] {
  const [lon, lat] = center;
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const dLon = radiusKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let i = 0; i < segments; i++) {
    const a = (2 * Math.PI * i) / segments;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** The rings of the active warnings' areas, least severe first (so the worst draw on top). */
export function warningAreaShapes(warnings: Iterable<WeatherWarning>): WarningAreaShape[] {
  const shapes: WarningAreaShape[] = [];
  for (const w of warnings) {
    if (w.state !== 'active') continue;
    for (const area of w.areas ?? []) {
      for (const ring of area.polygons) shapes.push({ warningId: w.id, level: w.level, ring });
      for (const c of area.circles) shapes.push({ warningId: w.id, level: w.level, ring: circleRing(c.center, c.radiusKm) });
    }
  }
  return shapes.sort((a, b) => WARNING_LEVELS.indexOf(a.level) - WARNING_LEVELS.indexOf(b.level));
}

/** Whether any warning in force has an area to draw (the legend's warning section shows while one has). */
export function hasWarningAreas(warnings: Iterable<WeatherWarning>): boolean {
  for (const w of warnings) if (w.state === 'active' && (w.areas ?? []).some((a) => a.polygons.length + a.circles.length > 0)) return true;
  return false;
}

/** A shape's fill: its signal colour, see-through. */
export const warningFillColor = (s: WarningAreaShape): [number, number, number, number] => [...WARNING_AREA_COLORS[s.level], WARNING_FILL_ALPHA];
/** The warning-area tint over `shapes`; `on`: its switch. */
export function buildWarningAreaLayer(shapes: WarningAreaShape[], version = 0, on = true): PolygonLayer<WarningAreaShape> {
  return new PolygonLayer<WarningAreaShape>({
    id: WARNING_AREA_LAYER_ID,
    data: shapes,
    visible: on,
    updateTriggers: { getPolygon: version, getFillColor: version },
    getPolygon: (s) => s.ring,
    getFillColor: warningFillColor,
    stroked: false,
    filled: true,
    // Hovering an area says which warning it is (CityMap's tooltip).
    pickable: true,
  });
}

/** The live layer: its shapes are redone when the warnings change. */
export const WARNING_AREA_LAYER = defineLayer({
  id: WARNING_AREA_LAYER_ID,
  kind: null,
  channels: [],
  prepare: () => ({ shapes: [] as WarningAreaShape[], version: -1 }),
  paintKey: (f) => String(f.events.changed.warnings ?? -1),
  paint(state, f) {
    state.version = f.events.changed.warnings ?? -1;
    state.shapes = warningAreaShapes(f.events.warnings?.values() ?? []);
  },
  key: ({ version }, _f, on) => (on ? `1|${version}` : '0'),
  build: ({ shapes, version }, _f, on) => buildWarningAreaLayer(shapes, version, on),
  pick: ({ shapes }, index) => (shapes[index] ? { type: 'warning', id: shapes[index].warningId } : null),
  count: ({ shapes }) => shapes.length,
});
