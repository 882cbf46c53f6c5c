/**
 * The city's one unit grid and the incident's view of it. The grid takes about half a second to
 * build, so it is built once per process for a given set of districts and shared by every city the
 * server builds (a registry change rebuilds the city, not the districts).
 */
import type { IncidentGridPlace } from '../../src/protocol/cityEvents';
import type { DistrictFeature } from '../city/cityGeo';
import { buildUnitGrid, type UnitGrid } from './unitGrid';

/**
 * The product's grid seed: fixed, not the simulation's, so the modelled streets and cell codes stay
 * the same whatever city is simulated, as real ones do.
 */
export const GRID_SEED = 30428;

const built = new Map<string, UnitGrid>();

function keyOf(districts: DistrictFeature[]): string {
  return districts.map((d) => `${d.properties.code}:${JSON.stringify(d.geometry.coordinates).length}`).join(',');
}

/** The unit grid of `districts` with {@link GRID_SEED}, built on first use. */
export function unitGridOf(districts: DistrictFeature[]): UnitGrid {
  const key = keyOf(districts);
  let grid = built.get(key);
  if (!grid) {
    grid = buildUnitGrid(districts, GRID_SEED);
    built.set(key, grid);
  }
  return grid;
}

/** A function from a point to its place in `grid` as incidents carry it. */
export function gridPlaceAt(grid: UnitGrid): (lon: number, lat: number) => IncidentGridPlace | null {
  return (lon, lat) => {
    const at = grid.locate(lon, lat);
    return at
      ? { cellCode: at.cellCode, gridCode: at.gridCode, streetCode: at.street.code, streetName: at.street.nameZh, streetNameEn: at.street.nameEn }
      : null;
  };
}
