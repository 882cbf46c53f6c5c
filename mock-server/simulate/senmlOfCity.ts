/**
 * The simulated city's sensors as a gateway would report them: SenML packs (RFC 8428) with one record
 * per asset and measure, named `<kind>/<assetId>/<measure>`, at the moment's time. Every measure the
 * ingest path takes (ingest/ingestChannels.ts) is reported at each full report; state measures also
 * whenever a state changes in between, as real pump and lift controllers report on change. A silent
 * sensor (NaN) reports nothing: its silence is for the server's no-data rules to notice.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelArray, ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import { INGEST_MEASURES } from '../ingest/ingestChannels';
import { catalogToWire } from '../feed/catalogToWire';

/** One SenML record as sent: name, value (time from the pack's base time). */
export interface SenmlRecord {
  bt?: number;
  n: string;
  v: number;
}

/** A pack is at most this many records (well under the ingest limit of 10,000 per message). */
export const RECORDS_PER_PACK = 1000;

export interface MeasureColumn {
  kind: AssetKind;
  measure: string;
  channel: ChannelId;
  ids: readonly string[];
  /** A state measure: also reported when it changes between full reports. */
  onChange: boolean;
}

/** Every measure the city's sensors report, with its assets' ids in slot order (as the catalogue names them). */
export function measureColumns(assets: CityAssets): MeasureColumn[] {
  const idsOf = new Map(catalogToWire(assets, '').groups.map((g) => [g.kind, g.ids]));
  return Object.entries(INGEST_MEASURES).flatMap(([kind, measures]) => {
    const ids = idsOf.get(kind as AssetKind);
    // Kinds named from the slot (elevators) have no id list: the stress city's lifts stay in the server.
    if (!ids || ids.length === 0) return [];
    return Object.entries(measures!).map(([measure, spec]) => ({ kind: kind as AssetKind, measure, channel: spec.channel, ids, onChange: spec.states !== undefined }));
  });
}

/**
 * The records of one moment: every finite reading on a full report; otherwise only state readings
 * that differ from `last` (which is updated). Split into packs of RECORDS_PER_PACK, each with its base time.
 */
export function packsOfMoment(columns: readonly MeasureColumn[], read: (channel: ChannelId) => ChannelArray, timeMs: number, full: boolean, last: Map<ChannelId, Float64Array>): SenmlRecord[][] {
  const records: SenmlRecord[] = [];
  for (const column of columns) {
    if (!full && !column.onChange) continue;
    const values = read(column.channel);
    let previous = last.get(column.channel);
    if (!previous) last.set(column.channel, (previous = new Float64Array(values.length).fill(Number.NaN)));
    for (let slot = 0; slot < column.ids.length; slot++) {
      const v = values[slot];
      if (!Number.isFinite(v)) continue;
      if (full || v !== previous[slot]) records.push({ n: `${column.kind}/${column.ids[slot]}/${column.measure}`, v: Math.round(v * 100) / 100 });
      previous[slot] = v;
    }
  }
  const packs: SenmlRecord[][] = [];
  for (let i = 0; i < records.length; i += RECORDS_PER_PACK) {
    const pack = records.slice(i, i + RECORDS_PER_PACK);
    pack[0] = { bt: timeMs / 1000, ...pack[0] };
    packs.push(pack);
  }
  return packs;
}
