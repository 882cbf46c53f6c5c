/** WarningBook over the real SQLite store in memory: msgType Alert/Update/Cancel, notices, expiry, paging. */
import { describe, expect, it } from 'vitest';
import type { CapAlert } from '../../../../mock-server/cap/capAlert';
import { WarningBook } from '../../../../mock-server/cap/warningBook';
import { openDatabase } from '../../../../mock-server/storage/database';
import { SqliteWarningStore } from '../../../../mock-server/storage/sqliteWarnings';

const T0 = Date.parse('2026-07-15T06:00:00Z');

function alert(identifier: string, msgType: string, references: string[] = [], expires: string | null = '2026-07-15T16:00:00+08:00', status = 'Actual'): CapAlert {
  return {
    version: '1.2', identifier, sender: 'sh-meteo', sent: '2026-07-15T14:00:00+08:00', status, msgType, scope: 'Public',
    references: references.map((id) => ({ sender: 'sh-meteo', identifier: id, sent: '2026-07-15T14:00:00+08:00' })),
    info: [{ language: 'zh-CN', categories: ['Met'], event: '暴雨', urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', headline: null, description: null, instruction: null, senderName: null, effective: null, onset: null, expires, areas: [] }],
  };
}
const key = (id: string) => `sh-meteo,${id},2026-07-15T14:00:00+08:00`;

function book() {
  const clock = { now: T0 };
  return { clock, book: new WarningBook(new SqliteWarningStore(openDatabase(':memory:')), () => clock.now) };
}
const activeKeys = async (b: WarningBook) => (await b.list({ active: true, limit: 50, cursor: null })).warnings.map((w) => w.key);

describe('WarningBook', () => {
  it('an Alert starts a warning, an Update replaces it, a Cancel ends it; repeats are duplicates', async () => {
    const { book: b } = book();
    expect(await b.receive(alert('a', 'Alert'), 'test')).toEqual({ identifier: 'a', key: key('a'), became: 'active', ended: [], unknownReferences: [] });
    expect((await b.receive(alert('a', 'Alert'), 'test')).became).toBe('duplicate');
    expect(await b.receive(alert('b', 'Update', ['a', 'zz']), 'test')).toMatchObject({ became: 'active', ended: [key('a')], unknownReferences: [key('zz')] });
    expect(await activeKeys(b)).toEqual([key('b')]);
    expect(await b.receive(alert('c', 'Cancel', ['b']), 'test')).toMatchObject({ became: 'cancellation', ended: [key('b')] });
    expect(await activeKeys(b)).toEqual([]);
    const states = (await b.list({ active: false, limit: 50, cursor: null })).warnings.map((w) => [w.key, w.state, w.endedBy]);
    expect(states).toEqual([[key('c'), 'cancellation', null], [key('b'), 'cancelled', key('c')], [key('a'), 'replaced', key('b')]]);
  });

  it('keeps messages not in force as notices that end nothing', async () => {
    const { book: b } = book();
    await b.receive(alert('a', 'Alert'), 'test');
    expect((await b.receive(alert('t', 'Cancel', ['a'], null, 'Test'), 'test'))).toMatchObject({ became: 'notice', ended: [] });
    expect((await b.receive(alert('k', 'Ack', ['a']), 'test')).became).toBe('notice');
    expect(await activeKeys(b)).toEqual([key('a')]);
  });

  it('honours expires, and keeps an alert without one in force', async () => {
    const { book: b, clock } = book();
    await b.receive(alert('a', 'Alert'), 'test');
    await b.receive(alert('n', 'Alert', [], null), 'test');
    clock.now = Date.parse('2026-07-15T16:00:00+08:00');
    expect(await activeKeys(b)).toEqual([key('n')]);
    expect((await b.receive(alert('late', 'Alert'), 'test')).became).toBe('expired');
  });

  it('pages newest first with a cursor', async () => {
    const { book: b } = book();
    for (const id of ['1', '2', '3', '4', '5']) await b.receive(alert(id, 'Alert'), 'test');
    const first = await b.list({ active: false, limit: 2, cursor: null });
    const second = await b.list({ active: false, limit: 2, cursor: first.nextCursor });
    const third = await b.list({ active: false, limit: 2, cursor: second.nextCursor });
    expect([first, second, third].flatMap((p) => p.warnings.map((w) => w.alert.identifier))).toEqual(['5', '4', '3', '2', '1']);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps its times on the city clock: an alert from outside keeps its time left, the office\'s its own times', async () => {
    const clock = { city: Date.parse('2030-01-01T00:00:00Z'), wall: T0 };
    const b = new WarningBook(new SqliteWarningStore(openDatabase(':memory:')), () => clock.city, () => clock.wall);
    // From outside: expires 16:00+08 is 2 h after the wall clock's 14:00+08, so 2 h after the city's now.
    await b.receive(alert('out', 'Alert'), 'test');
    // The office writes on the city clock: its expires stands as written.
    await b.receive({ ...alert('sim', 'Alert', [], '2030-01-01T09:00:00+08:00') }, 'simulator', { onCityClock: true });
    const byKey = Object.fromEntries((await b.list({ active: false, limit: 10, cursor: null })).warnings.map((w) => [w.key, w]));
    expect(byKey[key('out')]).toMatchObject({ receivedAt: clock.city, expiresAt: clock.city + 2 * 3_600_000 });
    expect(byKey[key('sim')]).toMatchObject({ receivedAt: clock.city, expiresAt: clock.city + 3_600_000 });
    // ?active=true reads the city clock, whatever the wall clock says.
    clock.wall += 10 * 3_600_000;
    expect(await activeKeys(b)).toEqual([key('sim'), key('out')]);
    clock.city += 3_600_000;
    expect(await activeKeys(b)).toEqual([key('out')]);
    clock.city += 3_600_000;
    expect(await activeKeys(b)).toEqual([]);
  });
});
