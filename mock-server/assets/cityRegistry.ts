/**
 * The city as the asset registry holds it. With the simulator on, a fresh registry is filled with the
 * simulator's Shanghai and the city is read back from it, so `npm start` shows the same city as
 * ever; a registry that still holds the simulator's city unedited follows the seed and scale it is
 * started with. Once an import has changed it, the registry is the city's, whatever the seed.
 *
 * The simulator's elevators (240,000 in the `stress` scale) are not listed: their ids, names and
 * places follow from the seed, so 240,000 rows (~60 MB, seconds to write and read at every start)
 * would carry nothing the seed does not. The registry notes how many it generates and from what
 * placement; a file that lists elevators replaces them. Road segments (~50,000 in `stress`) are
 * listed: they are what a city's own road import replaces, and the routing graph is built from them.
 */
import { createHash } from 'node:crypto';
import type { CityAssets } from '../city/assets';
import type { CityGeo } from '../city/cityGeo';
import { cityOfRecords } from '../city/cityOfRecords';
import { placeAssets } from '../city/placeAssets';
import type { ElevatorFleet } from '../city/placeElevators';
import { recordsOfCity } from '../city/recordsOfCity';
import { forkCityRngs } from '../simulator/citySimulation';
import type { AssetStore } from '../storage/stores';
import type { AssetRecord, RegistryPlacement, RegistryState } from './assetRecord';
import { CITY_GEO_DATUM, datumConverter, type Datum } from './datum';
import { recordsInDatum } from './recordsInDatum';

export interface SimulatedRegistryOptions {
  placement: RegistryPlacement;
  /** The basemap's datum: the registry's positions are kept in it. */
  datum: Datum;
  now: () => number;
}

const districtsOf = (geo: CityGeo) => geo.districts.map((f) => ({ code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn }));

function place(geo: CityGeo, placement: RegistryPlacement): CityAssets {
  const { seed, ...options } = placement;
  return placeAssets(geo, forkCityRngs(seed).assets, options);
}

/**
 * Bumped when the simulator places its city differently, so that a registry it placed before, never
 * edited, is placed again rather than kept as the old placement left it. 2: residential compounds
 * are areas (city/compoundOutline.ts), not points.
 */
export const PLACER_REVISION = 2;

function samePlacement(a: RegistryPlacement, b: RegistryPlacement): boolean {
  return (a.revision ?? 1) === (b.revision ?? 1) && a.seed === b.seed && a.scale === b.scale && a.roadGridKm === b.roadGridKm && JSON.stringify(a.counts ?? {}) === JSON.stringify(b.counts ?? {});
}

/** The fleet with every position moved to another datum. */
function fleetInDatum(fleet: ElevatorFleet, from: Datum, to: Datum): ElevatorFleet {
  if (from === to) return fleet;
  const move = datumConverter(from, to);
  const lonLat = new Float32Array(fleet.lonLat.length);
  for (let i = 0; i < fleet.count; i++) lonLat.set(move(fleet.lonLat[i * 2], fleet.lonLat[i * 2 + 1]), i * 2);
  return { ...fleet, lonLat };
}

/**
 * A short digest of the records and of what else shapes the city (the datum, the generated elevators
 * and their placement): equal registries, equal digests. Taken when the registry is written.
 */
export function registryDigest(records: readonly AssetRecord[], state: Pick<RegistryState, 'datum' | 'generatedElevators' | 'placement'>): string {
  const placement = state.generatedElevators > 0 ? JSON.stringify(state.placement) : '';
  const hash = createHash('sha256').update(`${state.datum}|${state.generatedElevators}|${placement}`);
  for (const r of records) hash.update(JSON.stringify(r));
  return hash.digest('base64url').slice(0, 10);
}

function assetsOf(geo: CityGeo, records: readonly AssetRecord[], state: RegistryState, datum: Datum, placed?: CityAssets): CityAssets {
  let elevators: ElevatorFleet | undefined;
  if (state.generatedElevators > 0 && state.placement) {
    elevators = fleetInDatum((placed ?? place(geo, state.placement)).elevators, CITY_GEO_DATUM, datum);
  }
  const assets = cityOfRecords(recordsInDatum(records, state.datum, datum), districtsOf(geo), elevators);
  // Converted for another basemap, the same registry is another catalogue.
  return { ...assets, registryDigest: state.datum === datum ? state.digest : `${state.digest}.${datum}` };
}

/**
 * For a source with no simulator: the city as the registry holds it, positions in the basemap's
 * `datum`; null when nothing was ever placed or imported (a fresh data directory).
 */
export async function cityAssetsFromRegistry(store: AssetStore, geo: CityGeo, datum: Datum): Promise<CityAssets | null> {
  const state = await store.state();
  return state ? assetsOf(geo, await store.list(), state, datum) : null;
}

/**
 * With the simulator on: the simulator's city placed into a fresh registry (or one it placed before
 * from another seed or scale, never edited since), then the city as the registry holds it.
 */
export async function simulatedCityFromRegistry(store: AssetStore, geo: CityGeo, options: SimulatedRegistryOptions): Promise<CityAssets> {
  const { datum } = options;
  const placement = { ...options.placement, revision: PLACER_REVISION };
  const state = await store.state();
  let placed: CityAssets | undefined;
  if (!state || (!state.edited && (state.placement === null || !samePlacement(state.placement, placement)))) {
    placed = place(geo, placement);
    const records = recordsInDatum(recordsOfCity(placed), CITY_GEO_DATUM, datum);
    const shape = { datum, placement, generatedElevators: placed.elevators.count };
    await store.replace(records, {
      ...shape,
      revision: (state?.revision ?? 0) + 1,
      edited: false,
      digest: registryDigest(records, shape),
      updatedAt: options.now(),
    });
  }
  const current = (await store.state())!;
  return assetsOf(geo, await store.list(), current, datum, placed);
}
