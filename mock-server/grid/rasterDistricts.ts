/**
 * Which district each unit cell belongs to: the district whose boundary holds the cell's centre
 * (scanline fill, even-odd, so holes and islands come out right), then one ring of cells around the
 * land, so a point inside a district whose cell's centre lies just across the boundary or the shore
 * still has a cell.
 */
import type { Position } from 'geojson';
import type { DistrictFeature } from '../city/cityGeo';
import { CELL_DEG_LAT, CELL_DEG_LON, type GridFrame } from './gridFrame';

function ringsOf(feature: DistrictFeature): Position[][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** The x crossings of every edge of `rings` with the line y = lat, sorted. */
function crossings(rings: Position[][], lat: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j];
      const [x2, y2] = ring[i];
      if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  return xs.sort((a, b) => a - b);
}

/** District index per cell (-1 none), for cells in `frame`. */
export function rasterDistricts(frame: GridFrame, districts: DistrictFeature[]): Int16Array {
  const { cols, rows, west, north } = frame;
  const owner = new Int16Array(cols * rows).fill(-1);
  districts.forEach((district, d) => {
    const rings = ringsOf(district);
    for (let row = 0; row < rows; row++) {
      const xs = crossings(rings, north - (row + 0.5) * CELL_DEG_LAT);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        // Columns whose centre lies in [xs[k], xs[k+1]).
        const from = Math.max(0, Math.ceil((xs[k] - west) / CELL_DEG_LON - 0.5));
        const to = Math.min(cols - 1, Math.ceil((xs[k + 1] - west) / CELL_DEG_LON - 0.5) - 1);
        for (let col = from; col <= to; col++) owner[row * cols + col] = d;
      }
    }
  });
  return growOneRing(owner, cols, rows);
}

function growOneRing(owner: Int16Array, cols: number, rows: number): Int16Array {
  const grown = owner.slice();
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      if (owner[i] >= 0) continue;
      for (let dr = -1; dr <= 1 && grown[i] < 0; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || r >= rows || c < 0 || c >= cols) continue;
          const o = owner[r * cols + c];
          if (o >= 0) {
            grown[i] = o;
            break;
          }
        }
      }
    }
  }
  return grown;
}
