import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAlarmStore } from '../../../../mock-server/storage/sqliteAlarms';
import type { AlarmChangeInput } from '../../../../mock-server/storage/stores';
import type { Alarm } from '@/protocol/cityEvents';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const open = (dir = ':memory:') => {
  const db = openDatabase(dir);
  dbs.push(db);
  return db;
};

const MIN = 60_000;
function alarm(over: Partial<Alarm> = {}): Alarm {
  return {
    id: 'underpass.depth:U1:0',
    ruleId: 'underpass.depth',
    trigger: 'threshold',
    assetKind: 'underpass',
    slot: 1,
    assetId: 'U1',
    severity: 'warning',
    value: 7.5,
    unit: 'cm',
    threshold: 5,
    raisedAt: 0,
    updatedAt: 0,
    clearedAt: null,
    state: 'active',
    acknowledged: false,
    lon: 121.4,
    lat: 31.2,
    district: 3,
    ...over,
  };
}
const change = (a: Alarm, action: AlarmChangeInput['action'], at: number, by: string | null = null, note: string | null = null): AlarmChangeInput => ({ alarm: a, action, at, by, note });

describe('SqliteAlarmStore', () => {
  it('keeps every change in order with its time and who, and the alarm as it stands', async () => {
    const store = new SqliteAlarmStore(open());
    const raised = alarm();
    const escalated = alarm({ severity: 'critical', value: 26, threshold: 25, updatedAt: 2 * MIN });
    const acked = { ...escalated, acknowledged: true, ackedAt: 3 * MIN };
    const cleared = { ...acked, state: 'cleared' as const, clearedAt: 5 * MIN, updatedAt: 5 * MIN, value: 1 };
    await store.record([change(raised, 'raise', 0), change(escalated, 'escalate', 2 * MIN)], 100);
    await store.record([change(acked, 'acknowledge', 3 * MIN, 'operator', 'crew on the way')], 200);
    await store.record([change(cleared, 'clear', 5 * MIN)], 300);
    expect(await store.get(raised.id)).toEqual({ ...cleared, ackedBy: 'operator' });
    const log = await store.changes(raised.id);
    expect(log.map((c) => [c.action, c.at, c.by, c.note, c.severity, c.recordedAt])).toEqual([
      ['raise', 0, null, null, 'warning', 100],
      ['escalate', 2 * MIN, null, null, 'critical', 100],
      ['acknowledge', 3 * MIN, 'operator', 'crew on the way', 'critical', 200],
      ['clear', 5 * MIN, null, null, 'critical', 300],
    ]);
    expect(log[1]).toMatchObject({ ruleId: 'underpass.depth', trigger: 'threshold', assetKind: 'underpass', assetId: 'U1', value: 26, unit: 'cm', threshold: 25, late: false });
    expect(await store.get('nope')).toBeNull();
  });

  it('keeps a NaN threshold as null and gives the engine NaN back, with the acknowledgement', async () => {
    const store = new SqliteAlarmStore(open());
    const frozen = alarm({ id: 'f', trigger: 'frozen', threshold: NaN, value: 600, unit: 's', severity: 'minor', acknowledged: true, ackedAt: 7 });
    await store.record([change(frozen, 'raise', 0)], 1);
    expect((await store.get('f'))!.threshold).toBeNull();
    expect((await store.changes('f'))[0].threshold).toBeNull();
    expect(await store.active()).toEqual([frozen]);
  });

  it('gives back only the active alarms, oldest first', async () => {
    const store = new SqliteAlarmStore(open());
    await store.record([change(alarm({ id: 'b', raisedAt: 2 }), 'raise', 2), change(alarm({ id: 'a', raisedAt: 1 }), 'raise', 1), change(alarm({ id: 'c', raisedAt: 0, state: 'cleared', clearedAt: 3 }), 'clear', 3)], 0);
    expect((await store.active()).map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('prunes alarms cleared before a time, with their logs, and never an active one', async () => {
    const store = new SqliteAlarmStore(open());
    const old = alarm({ id: 'old', raisedAt: 0 });
    const recent = alarm({ id: 'recent', raisedAt: 5 * MIN });
    const standing = alarm({ id: 'standing', raisedAt: 0 });
    await store.record([change(old, 'raise', 0), change(recent, 'raise', 5 * MIN), change(standing, 'raise', 0)], 1);
    await store.record([change({ ...old, state: 'cleared', clearedAt: MIN }, 'clear', MIN), change({ ...recent, state: 'cleared', clearedAt: 9 * MIN }, 'clear', 9 * MIN)], 2);
    expect(await store.prune(5 * MIN)).toBe(1);
    expect(await store.get('old')).toBeNull();
    expect(await store.changes('old')).toEqual([]);
    expect((await store.get('recent'))!.state).toBe('cleared');
    expect((await store.changes('recent')).map((c) => c.action)).toEqual(['raise', 'clear']);
    expect((await store.active()).map((a) => a.id)).toEqual(['standing']);
  });

  it('filters the history by time, state, kind, asset and rule, newest first, in pages', async () => {
    const store = new SqliteAlarmStore(open());
    const rows = [
      alarm({ id: 'a1', raisedAt: 1 * MIN, state: 'cleared', clearedAt: 2 * MIN }),
      alarm({ id: 'a2', raisedAt: 3 * MIN, acknowledged: true, ackedAt: 4 * MIN }),
      alarm({ id: 'a3', raisedAt: 5 * MIN, assetId: 'U2', slot: 2 }),
      alarm({ id: 'p1', raisedAt: 5 * MIN, ruleId: 'pump.state', assetKind: 'pumpStation', assetId: 'P1', trigger: 'state', threshold: NaN }),
      alarm({ id: 'a4', raisedAt: 9 * MIN, state: 'cleared', clearedAt: 10 * MIN, acknowledged: true, ackedAt: 9 * MIN }),
    ];
    await store.record(rows.map((a) => change(a, a.state === 'cleared' ? 'clear' : 'raise', a.raisedAt)), 0);
    const ids = async (f: Partial<Parameters<typeof store.list>[0]>) => (await store.list({ limit: 100, ...f })).alarms.map((a) => a.id);
    expect(await ids({})).toEqual(['a4', 'p1', 'a3', 'a2', 'a1']);
    // Active at some time in [2.5 min, 6 min): a1 cleared before, a4 raised after.
    expect(await ids({ from: 2.5 * MIN, to: 6 * MIN })).toEqual(['p1', 'a3', 'a2']);
    // An alarm cleared exactly at `from` was still active then.
    expect(await ids({ from: 2 * MIN, to: 3 * MIN })).toEqual(['a1']);
    expect(await ids({ state: 'active' })).toEqual(['p1', 'a3', 'a2']);
    expect(await ids({ state: 'cleared' })).toEqual(['a4', 'a1']);
    expect(await ids({ state: 'acknowledged' })).toEqual(['a4', 'a2']);
    expect(await ids({ state: 'unacknowledged' })).toEqual(['p1', 'a3', 'a1']);
    expect(await ids({ kind: 'pumpStation' })).toEqual(['p1']);
    expect(await ids({ assetId: 'U2' })).toEqual(['a3']);
    expect(await ids({ ruleId: 'underpass.depth', state: 'active' })).toEqual(['a3', 'a2']);

    const pages: string[][] = [];
    let after: { raisedAt: number; id: string } | undefined;
    for (;;) {
      const page = await store.list({ limit: 2, after });
      pages.push(page.alarms.map((a) => a.id));
      if (!page.next) break;
      after = page.next;
    }
    // Two alarms raised in the same minute are split across pages without loss or repeat.
    expect(pages).toEqual([['a4', 'p1'], ['a3', 'a2'], ['a1']]);
  });

  it('writes a batch in one transaction: a failing row leaves none of it', async () => {
    const store = new SqliteAlarmStore(open());
    const bad = { ...alarm({ id: 'x' }), unit: null as unknown as string };
    await expect(store.record([change(alarm({ id: 'ok' }), 'raise', 0), change(bad, 'raise', 0)], 0)).rejects.toThrow();
    expect(await store.get('ok')).toBeNull();
    expect(await store.changes('ok')).toEqual([]);
  });

  it('keeps the records on disk across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityops-alarms-'));
    dirs.push(dir);
    const first = open(dir);
    await new SqliteAlarmStore(first).record([change(alarm(), 'raise', 0)], 0);
    first.close();
    dbs.splice(dbs.indexOf(first), 1);
    const again = new SqliteAlarmStore(open(dir));
    expect((await again.active()).map((a) => a.id)).toEqual([alarm().id]);
  });
});
