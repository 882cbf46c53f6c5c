/**
 * A flat local grid in kilometres centred on People's Square. Over Shanghai's ~120 km the
 * equirectangular error stays under 1%, far below what the simulation cares about.
 */
export const ORIGIN_LON = 121.47;
export const ORIGIN_LAT = 31.23;
const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

export function toKm(lon: number, lat: number): [number, number] {
  return [(lon - ORIGIN_LON) * KM_PER_DEG_LON, (lat - ORIGIN_LAT) * KM_PER_DEG_LAT];
}

export function toLonLat(x: number, y: number): [number, number] {
  return [ORIGIN_LON + x / KM_PER_DEG_LON, ORIGIN_LAT + y / KM_PER_DEG_LAT];
}
