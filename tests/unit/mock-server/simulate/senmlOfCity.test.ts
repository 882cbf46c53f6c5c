import { describe, expect, it } from 'vitest';
import { measureColumns, packsOfMoment, RECORDS_PER_PACK } from '../../../../mock-server/simulate/senmlOfCity';
import { parseSenmlPack } from '../../../../mock-server/ingest/senmlPack';
import { allocateReadings } from '../../../../mock-server/pipeline/readings';
import type { ChannelId } from '@/protocol/channels';
import { smallCity } from '../../../support/scriptedSource';

const T = Date.parse('2026-07-15T09:00:00+08:00');

describe('the simulated city as SenML packs', () => {
  const assets = smallCity();
  const readings = allocateReadings(assets);
  const columns = measureColumns(assets);

  it('reports every finite reading on a full report, and the ingest parser reads the packs back', () => {
    readings['underpass.depth'].set([1, Number.NaN, 3, 4]);
    readings['pump.state'].fill(1);
    const packs = packsOfMoment(columns, (id) => readings[id], T, true, new Map());
    expect(packs.every((p) => p.length <= RECORDS_PER_PACK && p[0].bt === T / 1000)).toBe(true);
    const parsed = packs.flatMap((p) => parseSenmlPack(p, T + 5000));
    expect(parsed.filter((r) => 'error' in r)).toEqual([]);
    const depths = parsed.flatMap((r) => ('kind' in r && r.kind === 'underpass' ? [[r.assetId, r.v, r.tMs]] : []));
    // The silent sensor (NaN) reports nothing.
    expect(depths).toEqual([
      [assets.underpasses[0].id, 1, T],
      [assets.underpasses[2].id, 3, T],
      [assets.underpasses[3].id, 4, T],
    ]);
    expect(parsed.filter((r) => 'measure' in r && r.kind === 'pumpStation' && r.measure === 'state')).toHaveLength(assets.pumpStations.length);
    // Every muck truck reports its state too (truck.state), whatever it is.
    expect(parsed.filter((r) => 'measure' in r && r.kind === 'muckTruck' && r.measure === 'state')).toHaveLength(assets.muckTrucks.length);
  });

  it('between full reports sends only the states that changed', () => {
    const last = new Map<ChannelId, Float64Array>();
    readings['pump.state'].fill(1);
    packsOfMoment(columns, (id) => readings[id], T, true, last);
    readings['pump.state'][2] = 2;
    readings['underpass.depth'][0] = 30;
    const packs = packsOfMoment(columns, (id) => readings[id], T + 1000, false, last);
    expect(packs.flat().map((r) => `${r.n}=${r.v}`)).toEqual([`pumpStation/${assets.pumpStations[2].id}/state=2`]);
    expect(packsOfMoment(columns, (id) => readings[id], T + 2000, false, last)).toEqual([]);
  });
});
