import { describe, expect, it } from 'vitest';
import { catalogToWire } from '../../../../mock-server/feed/catalogToWire';
import { assetLookupOf } from '../../../../mock-server/ingest/assetLookup';
import type { ParsedReading } from '../../../../mock-server/ingest/incomingReading';
import { IngestGate, type AcceptedReading } from '../../../../mock-server/ingest/ingestGate';
import { assetCount } from '../../../../mock-server/pipeline/readings';
import { openDatabase } from '../../../../mock-server/storage/database';
import { SqliteReadingStore } from '../../../../mock-server/storage/sqliteReadings';
import { smallCity } from '../../../support/scriptedSource';

const NOW = Date.parse('2026-07-15T09:00:00+08:00');
const MIN = 60_000;

function gate() {
  const assets = smallCity();
  const store = new SqliteReadingStore(openDatabase(':memory:'));
  const delivered: AcceptedReading[] = [];
  const subject = new IngestGate({
    lookup: assetLookupOf(catalogToWire(assets, 'v'), (kind) => assetCount(assets, kind)),
    store,
    cityNow: () => NOW,
    wallNow: () => NOW + 500,
    deliver: (r) => delivered.push(...r),
  });
  return { assets, store, gate: subject, delivered };
}

describe('ingest gate', () => {
  it('keeps good readings, resolved to channel and slot, and answers how many', async () => {
    const { assets, gate: g, delivered, store } = gate();
    const id = assets.waterGauges[2].id;
    const verdict = await g.accept([{ kind: 'waterGauge', assetId: id, tMs: NOW - MIN, v: 3.21 }, { kind: 'pumpStation', assetId: assets.pumpStations[0].id, measure: 'state', tMs: NOW, v: 2 }], 'gw');
    expect(verdict).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(delivered).toEqual([
      { kind: 'waterGauge', channel: 'water', slot: 2, tMs: NOW - MIN, v: 3.21, late: false },
      { kind: 'pumpStation', channel: 'pump.state', slot: 0, tMs: NOW, v: 2, late: false },
    ]);
    expect(await store.series('waterGauge', id, 'level', 0, NOW)).toEqual([{ t: NOW - MIN, v: 3.21 }]);
    expect(g.status().gw).toEqual({ accepted: 2, duplicates: 0, rejected: 0, lastAt: NOW + 500 });
  });

  it('counts a repeat of the same asset, measure and time once, in one batch or across batches', async () => {
    const { assets, gate: g, delivered } = gate();
    const r = { kind: 'underpass', assetId: assets.underpasses[0].id, tMs: NOW, v: 12 };
    expect(await g.accept([r, { ...r, v: 13 }], 'a')).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await g.accept([r, { ...r, measure: 'depth' }], 'b')).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(delivered.map((d) => d.v)).toEqual([12]);
  });

  it('refuses each bad reading with its index and a reason, and keeps the rest', async () => {
    const { assets, gate: g, delivered } = gate();
    const id = assets.underpasses[0].id;
    const batch: ParsedReading[] = [
      { error: 'v must be a number, got a string' },
      { kind: 'volcano', assetId: 'V1', tMs: NOW, v: 1 },
      { kind: 'team', assetId: assets.teams[0].id, tMs: NOW, v: 1 },
      { kind: 'underpass', assetId: id, measure: 'colour', tMs: NOW, v: 1 },
      { kind: 'underpass', assetId: 'UP-NOPE', tMs: NOW, v: 1 },
      { kind: 'underpass', assetId: id, tMs: NOW + 6 * MIN, v: 1 },
      { kind: 'underpass', assetId: id, tMs: 1_700_000, v: 1 },
      { kind: 'underpass', assetId: id, tMs: NOW, v: Number.NaN },
      { kind: 'underpass', assetId: id, tMs: NOW, v: Number.POSITIVE_INFINITY },
      { kind: 'pumpStation', assetId: assets.pumpStations[0].id, measure: 'state', tMs: NOW, v: 9 },
      { kind: 'underpass', assetId: id, tMs: NOW + 4 * MIN, v: 3 },
    ];
    const verdict = await g.accept(batch, 'gw');
    expect(verdict.accepted).toBe(1);
    expect(verdict.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const reasons = verdict.rejected.map((r) => r.reason);
    expect(reasons[0]).toBe('v must be a number, got a string');
    expect(reasons[1]).toMatch(/unknown asset kind "volcano"/);
    expect(reasons[2]).toMatch(/team takes no readings/);
    expect(reasons[3]).toMatch(/no measure "colour": one of depth/);
    expect(reasons[4]).toMatch(/no underpass with id "UP-NOPE"/);
    expect(reasons[5]).toMatch(/6 min in the future/);
    expect(reasons[6]).toMatch(/before 2000/);
    expect(reasons[7]).toMatch(/not a finite number/);
    expect(reasons[8]).toMatch(/not a finite number/);
    expect(reasons[9]).toMatch(/state: a code 0–3 \(standby, running, fault, offline\)/);
    expect(delivered).toHaveLength(1);
    expect(g.status().gw.rejected).toBe(10);
  });

  it('marks a reading that arrives more than two minutes after it was measured as late, by the later of the two clocks', async () => {
    const { assets, gate: g, delivered } = gate();
    const assetId = assets.rainGauges[1].id;
    // The wall clock (NOW + 500) is ahead of the city's (NOW): real sensors keep real time.
    const wall = NOW + 500;
    await g.accept([{ kind: 'rainGauge', assetId, tMs: wall - 2 * MIN - 1, v: 1 }, { kind: 'rainGauge', assetId, tMs: wall - 2 * MIN, v: 2 }], 'gw');
    expect(delivered.map((d) => d.late)).toEqual([true, false]);
  });

  it('finds assets whose ids follow from the slot (elevators)', async () => {
    const { gate: g, delivered } = gate();
    const verdict = await g.accept([{ kind: 'elevator', assetId: 'EV-000010', tMs: NOW, v: 4 }, { kind: 'elevator', assetId: 'EV-000011', tMs: NOW, v: 4 }], 'gw');
    expect(verdict.rejected).toEqual([{ index: 1, reason: 'no elevator with id "EV-000011" in the registry' }]);
    expect(delivered[0]).toMatchObject({ channel: 'elevator.state', slot: 9 });
  });
});

describe('ingest gate retention', () => {
  it('prunes readings received more than 30 days ago, at most once an hour', async () => {
    const assets = smallCity();
    const store = new SqliteReadingStore(openDatabase(':memory:'));
    const wall = { now: NOW };
    const g = new IngestGate({
      lookup: assetLookupOf(catalogToWire(assets, 'v'), (kind) => assetCount(assets, kind)),
      store,
      cityNow: () => wall.now,
      wallNow: () => wall.now,
      deliver: () => undefined,
    });
    const id = assets.rainGauges[0].id;
    await g.accept([{ kind: 'rainGauge', assetId: id, tMs: NOW, v: 1 }], 'gw');
    wall.now = NOW + 31 * 86_400_000;
    await g.accept([{ kind: 'rainGauge', assetId: id, tMs: wall.now, v: 2 }], 'gw');
    expect(await store.series('rainGauge', id, 'rain', 0, Infinity)).toEqual([{ t: wall.now, v: 2 }]);
  });
});

describe('ingest gate and a failing prune', () => {
  it('still delivers and answers what it kept when the hourly prune fails', async () => {
    const assets = smallCity();
    const store = new SqliteReadingStore(openDatabase(':memory:'));
    store.prune = async () => {
      throw new Error('database is locked');
    };
    const delivered: AcceptedReading[] = [];
    const g = new IngestGate({
      lookup: assetLookupOf(catalogToWire(assets, 'v'), (kind) => assetCount(assets, kind)),
      store,
      cityNow: () => NOW,
      wallNow: () => NOW,
      deliver: (r) => delivered.push(...r),
    });
    const verdict = await g.accept([{ kind: 'rainGauge', assetId: assets.rainGauges[0].id, tMs: NOW, v: 1 }], 'gw');
    expect(verdict.accepted).toBe(1);
    expect(delivered).toHaveLength(1);
  });
});
