/**
 * The unit grid of GB/T 30428.1 (万米单元网格) over the embedded districts: every 100 m cell of land
 * belongs to a community (社区/村, here the responsible grid 责任网格), which belongs to a street
 * (街道/镇/乡), which belongs to a district. The product has no street or community boundaries, so
 * both are modelled (partitionCells: seeded Voronoi, each district into its real number of streets);
 * the codes follow the standard's layout (cellCode.ts). Built once; locating a point is an index
 * computation and two array reads.
 */
import type { Position } from 'geojson';
import type { DistrictFeature } from '../city/cityGeo';
import { ORIGIN_LAT, ORIGIN_LON } from '../city/localProjection';
import { createRng } from '../simulator/rng';
import { parseCellCode } from './cellCode';
import { createGridFrame, type Bounds, type GridFrame } from './gridFrame';
import { partitionCells } from './partitionCells';
import { rasterDistricts } from './rasterDistricts';
import { DEFAULT_STREET_COUNTS, SHANGHAI_STREET_COUNTS } from './streetCounts';
import { numberStreets, type Street } from './numberStreets';

export type { Street, StreetKind } from './numberStreets';

/** Cells per community: Shanghai's ~6,200 居委会 and 村委会 over ~6,300 km² of land, about 1 km² each. */
export const CELLS_PER_COMMUNITY = 100;

/** Where a point lies in the grid. */
export interface GridLocation {
  /** Index in `UnitGrid.frame`. */
  cellIndex: number;
  /** 16 digits: district, street, community, serial. */
  cellCode: string;
  /** The responsible grid (the community): the cell code's first 12 digits. */
  gridCode: string;
  street: Street;
}

export interface UnitGrid {
  frame: GridFrame;
  /** Every street, district by district, 街道 then 镇 then 乡 as their codes run. */
  streets: readonly Street[];
  /** The cell, responsible grid and street of a point; null off the grid (sea, other provinces). */
  locate(lon: number, lat: number): GridLocation | null;
  /** The cell index of a code, or -1 when no cell has it. */
  cellOfCode(code: string): number;
  /** How many cells have a code. */
  cellCount: number;
}

function boundsOfDistricts(districts: DistrictFeature[]): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const d of districts) {
    const rings: Position[][] = d.geometry.type === 'Polygon' ? d.geometry.coordinates : d.geometry.coordinates.flat();
    for (const ring of rings)
      for (const [lon, lat] of ring) {
        b[0] = Math.min(b[0], lon);
        b[1] = Math.min(b[1], lat);
        b[2] = Math.max(b[2], lon);
        b[3] = Math.max(b[3], lat);
      }
  }
  return b;
}

/** Cell indices grouped by a label per cell (-1 = none): CSR offsets and members in index order. */
function groupBy(label: Int16Array | Int32Array, groups: number): { start: Int32Array; members: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < label.length; i++) if (label[i] >= 0) start[label[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const members = new Int32Array(start[groups]);
  const fill = start.slice(0, groups);
  for (let i = 0; i < label.length; i++) if (label[i] >= 0) members[fill[label[i]]++] = i;
  return { start, members };
}

/** Builds the grid for `districts`; the same districts and seed give the same streets and codes. */
export function buildUnitGrid(districts: DistrictFeature[], seed: number): UnitGrid {
  const frame = createGridFrame(boundsOfDistricts(districts));
  const owner = rasterDistricts(frame, districts);
  const byDistrict = groupBy(owner, districts.length);
  const cellCommunity = new Int32Array(owner.length).fill(-1);
  const streets: Street[] = [];
  const communityStreet: number[] = [];
  const gridCodes: string[] = [];
  const rng = createRng(seed);
  const centre = frame.indexAt(ORIGIN_LON, ORIGIN_LAT);
  const centreColRow: [number, number] = [centre % frame.cols, Math.floor(centre / frame.cols)];

  districts.forEach((district, d) => {
    // One stream per district, forked in district order, so one district's draws never shift another's.
    const districtRng = rng.fork();
    const cells = byDistrict.members.subarray(byDistrict.start[d], byDistrict.start[d + 1]);
    if (cells.length === 0) return;
    const counts = SHANGHAI_STREET_COUNTS[district.properties.code] ?? DEFAULT_STREET_COUNTS;
    const total = counts.streets + counts.towns + counts.townships;
    const parts = partitionCells(cells, frame.cols, total, districtRng);
    const numbered = numberStreets(district.properties, counts, parts.seeds, centreColRow);
    const streetCells = groupBy(parts.region, parts.seeds.length / 2);
    const byCode = numbered.map((_, s) => s).sort((a, b) => numbered[a].code.localeCompare(numbered[b].code));
    for (const s of byCode) {
      const street = numbered[s];
      const own = streetCells.members.subarray(streetCells.start[s], streetCells.start[s + 1]).map((i) => cells[i]);
      const communities = Math.min(999, Math.ceil(own.length / CELLS_PER_COMMUNITY));
      const sub = partitionCells(own, frame.cols, communities, districtRng);
      const order = seedOrder(sub.seeds);
      const firstCommunity = gridCodes.length;
      order.forEach((_, rank) => {
        gridCodes.push(`${street.code}${String(rank + 1).padStart(3, '0')}`);
        communityStreet.push(streets.length);
      });
      const rankOf = new Int32Array(order.length);
      order.forEach((seedIndex, rank) => (rankOf[seedIndex] = rank));
      for (let i = 0; i < own.length; i++) cellCommunity[own[i]] = firstCommunity + rankOf[sub.region[i]];
      streets.push({ ...street, cellCount: own.length });
    }
  });

  // Serials run west to east, north to south within each community: cell index order.
  const serial = new Uint16Array(owner.length);
  const seen = new Int32Array(gridCodes.length);
  for (let i = 0; i < owner.length; i++) {
    const c = cellCommunity[i];
    if (c < 0) continue;
    if (++seen[c] > 9999) throw new Error(`community ${gridCodes[c]} has more than 9,999 cells`);
    serial[i] = seen[c];
  }
  const byCommunity = groupBy(cellCommunity, gridCodes.length);
  const communityOfCode = new Map(gridCodes.map((code, c) => [code, c]));

  return {
    frame,
    streets,
    cellCount: byCommunity.members.length,
    locate(lon, lat) {
      const cellIndex = frame.indexAt(lon, lat);
      const c = cellIndex < 0 ? -1 : cellCommunity[cellIndex];
      if (c < 0) return null;
      const gridCode = gridCodes[c];
      return { cellIndex, gridCode, cellCode: gridCode + String(serial[cellIndex]).padStart(4, '0'), street: streets[communityStreet[c]] };
    },
    cellOfCode(code) {
      const parts = parseCellCode(code);
      const c = parts ? communityOfCode.get(code.slice(0, 12)) : undefined;
      if (!parts || c === undefined || parts.serial > seen[c]) return -1;
      return byCommunity.members[byCommunity.start[c] + parts.serial - 1];
    },
  };
}

/** Seeds ordered north to south, then west to east, so community 001 is the north-western one. */
function seedOrder(seeds: Float64Array): number[] {
  const order = Array.from({ length: seeds.length / 2 }, (_, i) => i);
  return order.sort((a, b) => Math.round(seeds[2 * a + 1]) - Math.round(seeds[2 * b + 1]) || seeds[2 * a] - seeds[2 * b]);
}
