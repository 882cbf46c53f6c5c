import { afterEach, describe, expect, it } from 'vitest';
import { AlarmService, GONE_AT_RESTART, type AlarmCity } from '../../../../mock-server/alarms/alarmService';
import { AlarmEngine } from '../../../../mock-server/rules/alarmEngine';
import type { AlarmRule } from '../../../../mock-server/rules/ruleTypes';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAlarmStore } from '../../../../mock-server/storage/sqliteAlarms';
import { SerialQueue } from '../../../../mock-server/workorders/serialQueue';
import type { Principal } from '@/protocol/auth';
import type { CityEvent } from '@/protocol/cityEvents';

const MIN = 60_000;
const rule: AlarmRule = {
  id: 'underpass.depth',
  trigger: 'threshold',
  assetKind: 'underpass',
  channel: 'underpass.depth',
  unit: 'cm',
  windowS: 0,
  bands: [
    { severity: 'warning', above: 5, clearBelow: 3 },
    { severity: 'critical', above: 25, clearBelow: 20 },
  ],
};
const operator: Principal = { kind: 'user', username: 'ops1', role: 'operator' };

const dbs: Database[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

/** A city of two underpasses whose rules the test drives by hand, and the service over an in-memory store. */
function setup(db = openDatabase(':memory:'), rules: AlarmRule[] = [rule], start = 0) {
  dbs.push(db);
  const engine = new AlarmEngine({ rules, count: () => 2, locate: (_k, slot) => ({ id: `U${slot}`, lon: 121, lat: 31, district: 0 }), sampleIntervalS: 60 });
  let t = start;
  const inbox: CityEvent[] = [];
  const city: AlarmCity = { alarms: engine, simTime: () => t, announce: (e) => inbox.push(e) };
  const store = new SqliteAlarmStore(db);
  const queue = new SerialQueue();
  const service = new AlarmService({ city, store, queue, now: () => 42 });
  /** One rule sample at minute `m` and the tick's recording, as recordedTick does it (announcements first). */
  const tick = async (m: number, depths: number[]) => {
    t = m * MIN;
    const events: CityEvent[] = [...inbox.splice(0), ...engine.evaluate(t, { 'underpass.depth': depths }).map((alarm): CityEvent => ({ type: 'alarm', alarm }))];
    await queue.run(() => service.recordTick(events));
    return events;
  };
  return { db, engine, service, store, inbox, tick };
}

describe('AlarmService', () => {
  it('records raise, escalate, ease and clear at the alarm’s own times, and nothing for a change that is not one', async () => {
    const { service, store, tick } = setup();
    await tick(0, [10, 0]);
    await tick(1, [30, 0]);
    await tick(2, [30, 0]);
    await tick(3, [10, 0]);
    await tick(4, [0, 0]);
    const [alarm] = (await store.list({ limit: 10 })).alarms;
    const { changes } = await service.detail(alarm.id);
    expect(changes.map((c) => [c.action, c.at / MIN, c.severity, c.by])).toEqual([
      ['raise', 0, 'warning', null],
      ['escalate', 1, 'critical', null],
      ['ease', 3, 'warning', null],
      ['clear', 4, 'warning', null],
    ]);
    expect(alarm).toMatchObject({ state: 'cleared', acknowledged: false, ackedBy: null });
  });

  it('acknowledges an open alarm durably, in the engine, and on the next frame; a second ack changes nothing', async () => {
    const { service, store, engine, inbox, tick } = setup();
    const [raised] = await tick(0, [10, 0]);
    const id = raised.type === 'alarm' ? raised.alarm.id : '';
    const acked = await service.acknowledge(id, operator, '  crew sent  ');
    expect(acked).toMatchObject({ id, acknowledged: true, ackedBy: 'ops1', ackedAt: 0, state: 'active' });
    expect(engine.active()[0].acknowledged).toBe(true);
    expect(inbox).toEqual([{ type: 'alarm', alarm: expect.objectContaining({ id, acknowledged: true }) }]);
    // The announcement comes back through the next tick's events: it is already on the record.
    await tick(1, [10, 0]);
    expect(await service.acknowledge(id, { kind: 'user', username: 'ops2', role: 'dispatcher' })).toMatchObject({ ackedBy: 'ops1' });
    const actions = (await store.changes(id)).map((c) => [c.action, c.by, c.note]);
    expect(actions).toEqual([
      ['raise', null, null],
      ['acknowledge', 'ops1', '  crew sent  '],
    ]);
    // The rules' later changes keep the acknowledgement.
    await tick(2, [0, 0]);
    expect(await store.get(id)).toMatchObject({ state: 'cleared', acknowledged: true, ackedBy: 'ops1' });
  });

  it('acknowledges a cleared alarm on the record only, and refuses an unknown one', async () => {
    const { service, store, inbox, tick } = setup();
    await tick(0, [10, 0]);
    await tick(1, [0, 0]);
    const [alarm] = (await store.list({ limit: 1 })).alarms;
    expect(await service.acknowledge(alarm.id, operator)).toMatchObject({ state: 'cleared', acknowledged: true, ackedBy: 'ops1', ackedAt: MIN });
    expect(inbox).toEqual([]);
    await expect(service.acknowledge('nope', operator)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only a signed-in person acknowledge', async () => {
    const { service, tick } = setup();
    const [e] = await tick(0, [10, 0]);
    const id = e.type === 'alarm' ? e.alarm.id : '';
    await expect(service.acknowledge(id, { kind: 'anonymous', role: 'operator' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(service.acknowledge(id, { kind: 'kiosk', label: 'hall', role: 'operator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('puts stored active alarms back into a new engine after a restart, and clears those no rule takes any more', async () => {
    const first = setup();
    const [e] = await first.tick(0, [10, 10]);
    const id = e.type === 'alarm' ? e.alarm.id : '';
    await first.service.acknowledge(id, operator);
    const second = setup(first.db);
    expect(await second.service.restore()).toBe(2);
    expect(second.engine.active().map((a) => [a.id, a.acknowledged])).toEqual([
      [id, true],
      [expect.any(String), false],
    ]);
    // The episode continues under its id: an escalation, not a new raise.
    await second.tick(1, [30, 10]);
    expect((await second.store.changes(id)).map((c) => c.action)).toEqual(['raise', 'acknowledge', 'escalate']);

    const third = setup(first.db, [{ ...rule, id: 'renamed' }], 5 * MIN);
    expect(await third.service.restore()).toBe(0);
    expect(await third.store.active()).toEqual([]);
    expect((await third.store.changes(id)).at(-1)).toMatchObject({ action: 'clear', note: GONE_AT_RESTART, at: 5 * MIN });
  });

  it('puts a stored alarm back at its asset’s slot, found by id, where a registry change moved it', async () => {
    const first = setup();
    await first.tick(0, [10, 0]);
    // The registry change swapped the two underpasses: U0 is in slot 1 now.
    const engine = new AlarmEngine({ rules: [rule], count: () => 2, locate: (_k, slot) => ({ id: `U${1 - slot}`, lon: 121, lat: 31, district: 0 }), sampleIntervalS: 60 });
    const city: AlarmCity = { alarms: engine, simTime: () => MIN, announce: () => undefined };
    const slotOf = (_kind: string, id: string) => ({ U0: 1, U1: 0 })[id];
    const service = new AlarmService({ city, store: new SqliteAlarmStore(first.db), queue: new SerialQueue(), slotOf });
    expect(await service.restore()).toBe(1);
    expect(engine.active().map((a) => [a.assetId, a.slot])).toEqual([['U0', 1]]);
  });

  it('pages the history with an opaque cursor and refuses a bad one or an empty window', async () => {
    const { service, tick } = setup();
    for (let m = 0; m < 6; m += 2) {
      await tick(m, [10, 10]);
      await tick(m + 1, [0, 0]);
    }
    const first = await service.list({ limit: 4 });
    expect(first.alarms).toHaveLength(4);
    const second = await service.list({ limit: 4, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.alarms).toHaveLength(2);
    expect(new Set([...first.alarms, ...second.alarms].map((a) => a.id)).size).toBe(6);
    await expect(service.list({ limit: 4, cursor: 'junk' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(service.list({ limit: 4, from: 5, to: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
