/**
 * The lattice of unit cells: squares of 100 m × 100 m (10,000 m², the 万米单元网格 of GB/T 30428.1)
 * laid over a bounding box in steps of fixed degrees. The degree steps are the metres per degree of
 * the WGS84 ellipsoid at People's Square (31.23°N); over Shanghai's 30.7–31.9°N a cell's area stays
 * within 1% of 10,000 m². Rows count from the north and columns from the west, so numbering cells in
 * index order is the standard's "west to east, north to south".
 */
export const CELL_METRES = 100;
const REFERENCE_LAT = (31.23 * Math.PI) / 180;
/** WGS84 metres per degree at the reference latitude (the usual series in cos 2φ, cos 4φ). */
const METRES_PER_DEG_LAT = 111132.92 - 559.82 * Math.cos(2 * REFERENCE_LAT) + 1.175 * Math.cos(4 * REFERENCE_LAT);
const METRES_PER_DEG_LON = 111412.84 * Math.cos(REFERENCE_LAT) - 93.5 * Math.cos(3 * REFERENCE_LAT);

/** Degrees of one cell's side. */
export const CELL_DEG_LAT = CELL_METRES / METRES_PER_DEG_LAT;
export const CELL_DEG_LON = CELL_METRES / METRES_PER_DEG_LON;

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export interface GridFrame {
  west: number;
  north: number;
  cols: number;
  rows: number;
  /** The cell index of a point, or -1 outside the frame. */
  indexAt(lon: number, lat: number): number;
  /** A cell's [west, south, east, north]. */
  boundsOf(index: number): Bounds;
  /** A cell's centre [lon, lat]. */
  centreOf(index: number): [number, number];
}

/** A frame covering `bounds`, widened to whole cells. */
export function createGridFrame(bounds: Bounds): GridFrame {
  const [west, south, east, north] = bounds;
  const cols = Math.ceil((east - west) / CELL_DEG_LON);
  const rows = Math.ceil((north - south) / CELL_DEG_LAT);
  return {
    west,
    north,
    cols,
    rows,
    indexAt(lon, lat) {
      const col = Math.floor((lon - west) / CELL_DEG_LON);
      const row = Math.floor((north - lat) / CELL_DEG_LAT);
      return col < 0 || col >= cols || row < 0 || row >= rows ? -1 : row * cols + col;
    },
    boundsOf(index) {
      const col = index % cols;
      const row = (index - col) / cols;
      const w = west + col * CELL_DEG_LON;
      const n = north - row * CELL_DEG_LAT;
      return [w, n - CELL_DEG_LAT, w + CELL_DEG_LON, n];
    },
    centreOf(index) {
      const col = index % cols;
      const row = (index - col) / cols;
      return [west + (col + 0.5) * CELL_DEG_LON, north - (row + 0.5) * CELL_DEG_LAT];
    },
  };
}
