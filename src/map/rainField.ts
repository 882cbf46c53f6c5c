/**
 * A smooth rain field from the rain gauges: inverse-distance weighting of the k nearest gauges on a
 * regular ~1 km grid. Neighbours and weights depend only on where the gauges are, so they are found
 * once per catalogue (kdbush); an update is then cells × k multiply-adds plus a colour lookup.
 *
 * Grid rows are evenly spaced in Web Mercator y, as deck.gl's BitmapLayer stretches an image
 * linearly in Mercator space between its bounds: each texel then lands on the cell it stands for.
 */
import KDBush from 'kdbush';
import { RAIN_BANDS } from '@/domain/rainBands';

/** A painted field: RGBA pixels, row 0 at the north edge, over [west, south, east, north]. */
export interface RainFieldPicture {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  bounds: [number, number, number, number];
}

const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

export interface RainFieldOptions {
  /** Grid spacing at the centre latitude, km. */
  cellKm: number;
  /** Gauges per cell. */
  k: number;
  /** No colour farther than this from every gauge, km. */
  maxDistanceKm: number;
  /** Fades to transparent between this distance and maxDistanceKm, km. */
  fadeFromKm: number;
  /** Around the gauges' extent, km. */
  marginKm: number;
  /** Closer than this to a gauge, a cell takes that gauge's reading as it is, km. */
  snapKm: number;
}

export const RAIN_FIELD_DEFAULTS: RainFieldOptions = { cellKm: 1, k: 8, maxDistanceKm: 8, fadeFromKm: 6, marginKm: 6, snapKm: 0.3 };

export interface RainFieldGrid {
  width: number;
  height: number;
  /** [west, south, east, north], degrees: the BitmapLayer's bounds. */
  bounds: [number, number, number, number];
  k: number;
  /** Gauge slot per (cell, neighbour); -1 where a cell has fewer than k gauges in reach. */
  neighbours: Int32Array;
  /** Inverse-distance weight per (cell, neighbour), normalised to sum 1 per cell. */
  weights: Float32Array;
  /** Alpha factor per cell (0–255): 0 beyond maxDistanceKm of the nearest gauge, fading before. */
  reach: Uint8Array;
}

const mercY = (latDeg: number) => Math.log(Math.tan(Math.PI / 4 + (latDeg * DEG) / 2));
const latOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / DEG;

/** Precomputes the grid and each cell's neighbours and weights. */
export function buildRainFieldGrid(positions: Float32Array, options: Partial<RainFieldOptions> = {}): RainFieldGrid {
  const o = { ...RAIN_FIELD_DEFAULTS, ...options };
  const n = positions.length / 2;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    minLon = Math.min(minLon, positions[i * 2]);
    maxLon = Math.max(maxLon, positions[i * 2]);
    minLat = Math.min(minLat, positions[i * 2 + 1]);
    maxLat = Math.max(maxLat, positions[i * 2 + 1]);
  }
  if (n === 0) [minLon, minLat, maxLon, maxLat] = [0, 0, 0, 0];
  const lat0 = (minLat + maxLat) / 2;
  const kmPerLon = EARTH_RADIUS_KM * DEG * Math.cos(lat0 * DEG);
  const kmPerLat = EARTH_RADIUS_KM * DEG;
  const west = minLon - o.marginKm / kmPerLon;
  const east = maxLon + o.marginKm / kmPerLon;
  const south = minLat - o.marginKm / kmPerLat;
  const north = maxLat + o.marginKm / kmPerLat;
  // Mercator is conformal: one step (radians of Mercator) serves both axes.
  const step = o.cellKm / (EARTH_RADIUS_KM * Math.cos(lat0 * DEG));
  const width = Math.max(1, Math.ceil(((east - west) * DEG) / step));
  const yNorth = mercY(north);
  const height = Math.max(1, Math.ceil((yNorth - mercY(south)) / step));
  const bounds: RainFieldGrid['bounds'] = [west, latOf(yNorth - height * step), west + (width * step) / DEG, north];

  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(positions[i * 2] * kmPerLon, positions[i * 2 + 1] * kmPerLat);
  if (n === 0) index.add(Infinity, Infinity);
  index.finish();

  const cells = width * height;
  const k = o.k;
  const neighbours = new Int32Array(cells * k).fill(-1);
  const weights = new Float32Array(cells * k);
  const reach = new Uint8Array(cells);
  const found: number[] = [];
  const dist: number[] = [];
  for (let row = 0; row < height; row++) {
    const y = latOf(yNorth - (row + 0.5) * step) * kmPerLat;
    for (let col = 0; col < width; col++) {
      const x = (west + ((col + 0.5) * step) / DEG) * kmPerLon;
      const cell = row * width + col;
      const ids = index.within(x, y, o.maxDistanceKm);
      if (ids.length === 0) continue;
      found.length = 0;
      dist.length = 0;
      for (const id of ids) {
        found.push(id);
        dist.push(Math.hypot(positions[id * 2] * kmPerLon - x, positions[id * 2 + 1] * kmPerLat - y));
      }
      const order = found.map((_, i) => i).sort((a, b) => dist[a] - dist[b]);
      const nearest = dist[order[0]];
      reach[cell] = nearest <= o.fadeFromKm ? 255 : Math.round((255 * (o.maxDistanceKm - nearest)) / (o.maxDistanceKm - o.fadeFromKm));
      const take = nearest < o.snapKm ? 1 : Math.min(k, order.length);
      let sum = 0;
      for (let j = 0; j < take; j++) {
        const d = dist[order[j]];
        const w = 1 / (d * d + 1e-6);
        neighbours[cell * k + j] = found[order[j]];
        weights[cell * k + j] = w;
        sum += w;
      }
      for (let j = 0; j < take; j++) weights[cell * k + j] /= sum;
    }
  }
  return { width, height, bounds, k, neighbours, weights, reach };
}

/**
 * Interpolates rain (mm/h per gauge) onto the grid. Silent gauges (NaN) drop out and the others'
 * weights are renormalised; a cell with no reporting gauge in reach gets NaN.
 */
export function interpolateRainField(grid: RainFieldGrid, rain: ArrayLike<number>, out: Float32Array): void {
  const { k, neighbours, weights } = grid;
  const cells = grid.width * grid.height;
  for (let cell = 0; cell < cells; cell++) {
    let value = 0;
    let sum = 0;
    const base = cell * k;
    for (let j = 0; j < k; j++) {
      const id = neighbours[base + j];
      if (id < 0) break;
      const r = rain[id];
      if (r === r) {
        value += weights[base + j] * r;
        sum += weights[base + j];
      }
    }
    out[cell] = sum > 0 ? value / sum : NaN;
  }
}

/** Opacity per rain band: light rain tints, heavy rain stands out. */
const BAND_ALPHA = [0, 60, 90, 120, 150, 185, 215];

/**
 * Colours the field with the rain bands into RGBA pixels (row 0 = north). Dry cells and cells out
 * of reach are transparent; their RGB is the light-rain colour so that texture filtering does not
 * darken the edge of a rain area.
 */
export function colourRainField(grid: RainFieldGrid, values: Float32Array, pixels: Uint8ClampedArray): void {
  const cells = grid.width * grid.height;
  const [lr, lg, lb] = RAIN_BANDS[1].color;
  const top = RAIN_BANDS.length - 1;
  for (let cell = 0; cell < cells; cell++) {
    const v = values[cell];
    const o = cell * 4;
    let band = 0;
    if (v >= RAIN_BANDS[1].min) {
      band = top;
      while (v < RAIN_BANDS[band].min) band--;
    }
    if (band === 0 || grid.reach[cell] === 0) {
      pixels[o] = lr;
      pixels[o + 1] = lg;
      pixels[o + 2] = lb;
      pixels[o + 3] = 0;
      continue;
    }
    const [r, g, b] = RAIN_BANDS[band].color;
    pixels[o] = r;
    pixels[o + 1] = g;
    pixels[o + 2] = b;
    pixels[o + 3] = (BAND_ALPHA[band] * grid.reach[cell]) / 255;
  }
}

/** The whole computation for one set of readings, into fresh pixels (they travel from a worker). */
export function paintRainField(grid: RainFieldGrid, rain: ArrayLike<number>, values: Float32Array): RainFieldPicture {
  interpolateRainField(grid, rain, values);
  const pixels = new Uint8ClampedArray(grid.width * grid.height * 4);
  colourRainField(grid, values, pixels);
  return { pixels, width: grid.width, height: grid.height, bounds: grid.bounds };
}
