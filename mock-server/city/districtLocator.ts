/** Finds the district a point lies in (bounding-box prefilter, then turf's point-in-polygon). */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { DistrictFeature } from './cityGeo';

type Box = [number, number, number, number];

function boxOf(feature: DistrictFeature): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons: Position[][][] =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

export interface DistrictLocator {
  /** Index into the districts array, or -1 outside the city (water, neighbouring provinces). */
  indexAt(lon: number, lat: number): number;
  /** As indexAt, but a point on water gets the district with the nearest label point. */
  indexOrNearest(lon: number, lat: number): number;
  /** The whole city's bounding box [west, south, east, north]. */
  bounds: Box;
}

export function createDistrictLocator(districts: DistrictFeature[]): DistrictLocator {
  const boxes = districts.map(boxOf);
  const bounds: Box = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const indexAt = (lon: number, lat: number) => {
    for (let i = 0; i < districts.length; i++) {
      const b = boxes[i];
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
      if (booleanPointInPolygon([lon, lat], districts[i])) return i;
    }
    return -1;
  };
  const nearest = (lon: number, lat: number) => {
    let best = 0;
    let bestD = Infinity;
    districts.forEach((d, i) => {
      const [cx, cy] = d.properties.centre;
      const dist = Math.hypot(cx - lon, cy - lat);
      if (dist < bestD) {
        bestD = dist;
        best = i;
      }
    });
    return best;
  };
  return {
    bounds,
    indexAt,
    indexOrNearest(lon, lat) {
      const inside = indexAt(lon, lat);
      return inside >= 0 ? inside : nearest(lon, lat);
    },
  };
}
