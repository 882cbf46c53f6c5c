/** The registry's records moved between datums, at the boundary (assets/datum.ts). */
import type { AssetRecord } from './assetRecord';
import { datumConverter, type Datum } from './datum';

/** Records with every position (and line, and area) moved from one datum to another. */
export function recordsInDatum(records: readonly AssetRecord[], from: Datum, to: Datum): AssetRecord[] {
  if (from === to) return [...records];
  const move = datumConverter(from, to);
  return records.map((r) => {
    const [lon, lat] = move(r.lon, r.lat);
    return { ...r, lon, lat, line: r.line && r.line.map(([x, y]) => move(x, y)), ...(r.area && { area: r.area.map(([x, y]) => move(x, y)) }) };
  });
}
