/**
 * Importing and exporting the asset registry, for the CLI (`npm run assets`) and the admin routes.
 * An import is all or nothing: the file is read and checked whole, laid onto the registry, the
 * references settled, and written in one transaction; any problem refuses it with every problem
 * listed. A change bumps the registry's revision and digest, and so the catalogue's version.
 */
import { ASSET_KINDS, type AssetKind } from '../../src/protocol/assets';
import type { CityGeo } from '../city/cityGeo';
import type { AssetStore } from '../storage/stores';
import type { RegistryState } from './assetRecord';
import { registryDigest } from './cityRegistry';
import type { Datum } from './datum';
import { featureRecords } from './featureRecords';
import { mergeRegistry } from './mergeRegistry';
import { readRegistryGeoJson, withLines } from './readRegistryGeoJson';
import { registryCollection, type RegistryCollection } from './registryGeoJson';
import { RegistryImportError, type ImportProblem } from './registryImportError';

/** The datum of a file that names none (positions from the field are WGS-84). */
export const DEFAULT_IMPORT_DATUM: Datum = 'wgs84';

export interface ImportOptions {
  /** The registry becomes the file (the simulator's generated elevators stay unless the file lists elevators). */
  replace: boolean;
  /** The file's datum; default: its top-level `datum` member, else WGS-84. */
  datum?: Datum;
  /** The basemap's datum: a registry written for the first time keeps its positions in it. */
  basemapDatum: Datum;
  now: () => number;
}

export interface ImportResult {
  added: number;
  updated: number;
  removed: number;
  /** Assets per kind after the import (generated elevators included). */
  counts: Record<AssetKind, number>;
  revision: number;
  digest: string;
  /** The datum the file was read in. */
  datum: Datum;
}

function refuse(text: string, problems: ImportProblem[]): never {
  throw new RegistryImportError('registry', withLines(text, problems));
}

export async function importRegistry(store: AssetStore, geo: CityGeo, text: string, options: ImportOptions): Promise<ImportResult> {
  const file = readRegistryGeoJson(text);
  const datum = options.datum ?? file.datum ?? DEFAULT_IMPORT_DATUM;
  const state = await store.state();
  const registryDatum = state?.datum ?? options.basemapDatum;
  const incoming = featureRecords(file.features, geo, { from: datum, to: registryDatum });
  if (incoming.problems.length > 0) refuse(text, incoming.problems);
  const generated = state?.generatedElevators ?? 0;
  const lifts = incoming.records.findIndex((r) => r.kind === 'elevator');
  if (generated > 0 && lifts >= 0 && !options.replace) {
    refuse(text, [{ feature: lifts, field: 'properties.kind', message: `the registry generates its ${generated} elevators from the seed: import elevators with replace` }]);
  }
  const merged = mergeRegistry(await store.list(), incoming.records, options.replace);
  if (merged.problems.length > 0) refuse(text, merged.problems);
  const shape = { datum: registryDatum, placement: state?.placement ?? null, generatedElevators: lifts >= 0 ? 0 : generated };
  const next: RegistryState = { ...shape, revision: (state?.revision ?? 0) + 1, edited: true, digest: registryDigest(merged.records, shape), updatedAt: options.now() };
  await store.replace(merged.records, next);
  const counts = Object.fromEntries(ASSET_KINDS.map((k) => [k, merged.records.filter((r) => r.kind === k).length])) as Record<AssetKind, number>;
  counts.elevator += shape.generatedElevators;
  return { added: merged.added, updated: merged.updated, removed: merged.removed, counts, revision: next.revision, digest: next.digest, datum };
}

/** The registry's listed assets as GeoJSON in `datum` (default WGS-84); generated elevators are not listed. */
export async function exportRegistry(store: AssetStore, datum: Datum = DEFAULT_IMPORT_DATUM): Promise<RegistryCollection> {
  const state = await store.state();
  return registryCollection(await store.list(), state?.datum ?? datum, datum);
}
