/**
 * Registry features as records: positions moved from the file's datum to the registry's, each asset
 * in a district (the one named, or the one its position lies in on the embedded shapes, which are
 * GCJ-02), and refused when it lies outside the city, the usual sign of a wrong datum or of lat, lon
 * given the wrong way round.
 */
import type { CityGeo } from '../city/cityGeo';
import { createDistrictLocator } from '../city/districtLocator';
import type { AssetRecord, LonLat } from './assetRecord';
import { ringCentroid } from './areaRing';
import { CITY_GEO_DATUM, datumConverter, type Datum } from './datum';
import { KIND_PROPERTIES } from './kindProperties';
import type { RegistryFeature } from './readRegistryGeoJson';
import type { ImportProblem } from './registryImportError';

/** How far outside the districts' bounding box an asset may stand (offshore gauges, the port), degrees. */
const CITY_MARGIN_DEG = 0.1;

export interface FeatureDatums {
  /** The file's datum. */
  from: Datum;
  /** The registry's. */
  to: Datum;
}

/** A finder of a district's code by its code, Chinese name or English name (any case). */
function districtNamer(geo: CityGeo): (name: string) => string | undefined {
  const codes = new Map<string, string>();
  for (const { properties: d } of geo.districts) for (const key of [d.code, d.name, d.nameEn.toLowerCase()]) codes.set(key, d.code);
  return (name) => codes.get(name) ?? codes.get(name.toLowerCase());
}

/** The features as records, or the problems (a district unknown, a position outside the city). */
export function featureRecords(features: readonly RegistryFeature[], geo: CityGeo, datums: FeatureDatums): { records: AssetRecord[]; problems: ImportProblem[] } {
  const toRegistry = datumConverter(datums.from, datums.to);
  const toShapes = datumConverter(datums.to, CITY_GEO_DATUM);
  const locator = createDistrictLocator(geo.districts);
  const [west, south, east, north] = locator.bounds;
  const inCity = ([lon, lat]: LonLat) => lon >= west - CITY_MARGIN_DEG && lon <= east + CITY_MARGIN_DEG && lat >= south - CITY_MARGIN_DEG && lat <= north + CITY_MARGIN_DEG;
  const codeOf = districtNamer(geo);
  const problems: ImportProblem[] = [];
  const records = features.map(({ index, kind, properties: p, positions }): AssetRecord => {
    const moved = positions.map(([lon, lat]) => toRegistry(lon, lat));
    const onShapes = moved.map(([lon, lat]) => toShapes(lon, lat));
    const outside = onShapes.findIndex((q) => !inCity(q));
    if (outside >= 0) {
      const [lon, lat] = positions[outside];
      problems.push({ feature: index, field: 'geometry', message: `${lon}, ${lat} (${datums.from}) lies outside Shanghai: check the datum and the order (lon, lat)` });
    }
    const first = moved[0];
    const last = moved[moved.length - 1];
    const isArea = KIND_PROPERTIES[kind].geometry === 'Polygon';
    // An area stands at its centroid, a line at its midpoint, as the registry's records do (assetRecord.ts).
    const [lon, lat] = isArea ? ringCentroid(moved) : moved.length === 1 ? first : [(first[0] + last[0]) / 2, (first[1] + last[1]) / 2];
    let district = p.district === undefined ? undefined : codeOf(p.district);
    if (p.district !== undefined && district === undefined) {
      problems.push({ feature: index, field: 'properties.district', message: `no district "${p.district}" (a code such as 310115, or a name such as 浦东新区 or Pudong)` });
    }
    if (p.district === undefined && outside < 0) {
      const [sLon, sLat] = toShapes(lon, lat);
      district = geo.districts[locator.indexOrNearest(sLon, sLat)].properties.code;
    }
    const { columns } = KIND_PROPERTIES[kind];
    const values = p as unknown as Record<string, string | number | undefined>;
    const pick = (names: readonly string[]) => Object.fromEntries(names.filter((n) => values[n] !== undefined).map((n) => [n, values[n]!]));
    return {
      kind,
      id: p.id,
      name: p.name ?? null,
      nameEn: p.nameEn ?? null,
      district: district ?? '',
      lon,
      lat,
      line: !isArea && moved.length > 1 ? moved : null,
      ...(isArea && { area: moved }),
      thresholds: pick(columns.thresholds) as Record<string, number>,
      attributes: pick(columns.attributes),
      simulator: 'simulator' in p && p.simulator ? { ...p.simulator } : null,
    };
  });
  return { records, problems };
}
