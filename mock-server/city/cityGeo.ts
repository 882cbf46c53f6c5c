/**
 * The embedded city geometry (public/geo, shipped with the app): district boundaries, rivers, roads.
 * The server reads the same files the browser's basemap draws, so assets land where the map shows land.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

export interface DistrictProps {
  code: string;
  name: string;
  nameEn: string;
  centre: [number, number];
}

export interface LineProps {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
}

export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProps>;
export type LineFeature = Feature<LineString, LineProps>;

export interface CityGeo {
  districts: DistrictFeature[];
  rivers: LineFeature[];
  roads: LineFeature[];
}

export const DEFAULT_GEO_DIR = new URL('../../public/geo/', import.meta.url).pathname;

function readCollection<T extends Feature>(dir: string, file: string): T[] {
  const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  return parsed.features as T[];
}

export function loadCityGeo(dir = DEFAULT_GEO_DIR): CityGeo {
  return {
    districts: readCollection<DistrictFeature>(dir, 'shanghai-districts.geojson'),
    rivers: readCollection<LineFeature>(dir, 'shanghai-rivers.geojson'),
    roads: readCollection<LineFeature>(dir, 'shanghai-roads.geojson'),
  };
}
