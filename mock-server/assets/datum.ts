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

/** lon, lat moved from one datum to another (the same pair back when the datums agree). */
export function convertLonLat(lon: number, lat: number, from: Datum, to: Datum): [number, number] {
  if (from === to) return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], CRS[from], CRS[to]) as [number, number];
  return [x, y];
}

/** A converter between two datums for many positions (the identity when they agree). */
export function datumConverter(from: Datum, to: Datum): (lon: number, lat: number) => [number, number] {
  return from === to ? (lon, lat) => [lon, lat] : (lon, lat) => convertLonLat(lon, lat, from, to);
}
