/**
 * One datum at the boundary. Positions from the field (GPS, registries, Open311) are WGS-84; Chinese
 * web maps and the embedded Shanghai district shapes are GCJ-02, offset from WGS-84 by about half a
 * kilometre in the centre (a WGS-84 point on the Oriental Pearl Tower lands across the Huangpu, in
 * 黄浦区, when drawn on them unconverted). The server keeps every position in the basemap's datum
 * (`CITYOPS_BASEMAP_DATUM`) and converts at the edges: an import, an export, a position reported from
 * outside. The conversion is gcoord's (MIT, the usual open implementation of the published GCJ-02
 * formula); it is the identity outside China, as GCJ-02 itself is.
 */
import gcoord from 'gcoord';

export const DATUMS = ['wgs84', 'gcj02'] as const;
export type Datum = (typeof DATUMS)[number];

/** The datum of the embedded district, river and road shapes (public/geo): see ../shared/ENVIRONMENT.md and public/geo/README.md. */
export const CITY_GEO_DATUM: Datum = 'gcj02';

const CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const;

/** Degrees: an inverse this close to its forward image is exact for any map (~1 µm). */
const INVERSE_TOLERANCE_DEG = 1e-11;

const transform = (lon: number, lat: number, from: Datum, to: Datum) => gcoord.transform([lon, lat], CRS[from], CRS[to]) as [number, number];

/**
 * lon, lat moved from one datum to another (the same pair back when the datums agree). GCJ-02 has
 * only a forward formula; gcoord's inverse is one step of it, good to ~0.1 m. A few more steps make
 * it exact, so that a position converted there and back is the same to the last digit an export
 * writes.
 */
export function convertLonLat(lon: number, lat: number, from: Datum, to: Datum): [number, number] {
  if (from === to) return [lon, lat];
  let [x, y] = transform(lon, lat, from, to);
  // WGS-84 → GCJ-02 is the formula itself; only its inverse is refined.
  if (from !== 'gcj02') return [x, y];
  for (let i = 0; i < 10; i++) {
    const [backLon, backLat] = transform(x, y, to, from);
    const [dLon, dLat] = [backLon - lon, backLat - lat];
    if (Math.abs(dLon) < INVERSE_TOLERANCE_DEG && Math.abs(dLat) < INVERSE_TOLERANCE_DEG) break;
    x -= dLon;
    y -= dLat;
  }
  return [x, y];
}

/** A converter between two datums for many positions (the identity when they agree). */
export function datumConverter(from: Datum, to: Datum): (lon: number, lat: number) => [number, number] {
  return from === to ? (lon, lat) => [lon, lat] : (lon, lat) => convertLonLat(lon, lat, from, to);
}
