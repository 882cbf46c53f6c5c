/**
 * The registry as GeoJSON, as `GET /api/admin/assets/export` and `npm run assets -- export` give it:
 * a FeatureCollection with the file's datum as a top-level `datum` member, one feature per listed
 * asset with the properties an import reads (kindProperties.ts). Positions moved to another datum are
 * given to 6 decimals (~0.1 m; a conversion is not exact below that), so exporting, importing and
 * exporting again gives the same file.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AssetRecord } from './assetRecord';
import { datumConverter, type Datum } from './datum';

export type RegistryCollection = FeatureCollection<Geometry> & { datum: Datum };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function properties(r: AssetRecord): Record<string, unknown> {
  return {
    kind: r.kind,
    id: r.id,
    ...(r.name === null ? {} : { name: r.name }),
    ...(r.nameEn === null ? {} : { nameEn: r.nameEn }),
    district: r.district,
    ...r.thresholds,
    ...r.attributes,
    ...(r.simulator ? { simulator: r.simulator } : {}),
  };
}

/** A record's GeoJSON geometry: an area's outline as a Polygon (its ring closed, as GeoJSON rings are), a line, or a point. */
function geometryOf(r: AssetRecord, move: (lon: number, lat: number) => number[]): Geometry {
  if (r.area) return { type: 'Polygon', coordinates: [[...r.area, r.area[0]].map(([lon, lat]) => move(lon, lat))] };
  if (r.line) return { type: 'LineString', coordinates: r.line.map(([lon, lat]) => move(lon, lat)) };
  return { type: 'Point', coordinates: move(r.lon, r.lat) };
}

/** The records (kept in `from`) as a FeatureCollection in datum `to`. */
export function registryCollection(records: readonly AssetRecord[], from: Datum, to: Datum): RegistryCollection {
  const convert = datumConverter(from, to);
  const move = from === to ? (lon: number, lat: number) => [lon, lat] : (lon: number, lat: number) => convert(lon, lat).map(round6);
  return {
    type: 'FeatureCollection',
    datum: to,
    features: records.map(
      (r): Feature<Geometry> => ({
        type: 'Feature',
        geometry: geometryOf(r, move),
        properties: properties(r),
      }),
    ),
  };
}
