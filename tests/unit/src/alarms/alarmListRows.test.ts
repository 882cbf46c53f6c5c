import { describe, expect, it } from 'vitest';
import { alarmListRows, heldRows } from '@/alarms/alarmListRows';
import type { Alarm } from '@/protocol/cityEvents';

const alarm = (id: string, severity: Alarm['severity'], raisedAt: number, over: Partial<Alarm> = {}) => ({ id, severity, raisedAt, state: 'active', acknowledged: false, ...over }) as Alarm;

describe('alarm list rows', () => {
  it('puts unacknowledged alarms first, then the most severe, then the newest', () => {
    const list = alarmListRows(
      [
        alarm('warn-new', 'warning', 9),
        alarm('crit-old', 'critical', 1),
        alarm('crit-acked', 'critical', 8, { acknowledged: true }),
        alarm('crit-new', 'critical', 5),
        alarm('major', 'major', 7),
        alarm('gone', 'critical', 9, { state: 'cleared' }),
      ],
      10,
    );
    expect(list.rows.map((a) => a.id)).toEqual(['crit-new', 'crit-old', 'major', 'warn-new', 'crit-acked']);
    expect(list).toMatchObject({ total: 5, unacknowledged: 4 });
  });

  it('shows as many as asked and counts them all', () => {
    const list = alarmListRows([alarm('a', 'minor', 1), alarm('b', 'minor', 2), alarm('c', 'minor', 3)], 2);
    expect(list.rows.map((a) => a.id)).toEqual(['c', 'b']);
    expect(list.all.map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(list.total).toBe(3);
    expect(alarmListRows([], 5)).toEqual({ rows: [], all: [], total: 0, unacknowledged: 0 });
  });
});

describe('held rows', () => {
  it('keeps the held order with the alarms as they are now, drops those gone and adds new ones after, up to the limit', () => {
    const live = [alarm('new', 'critical', 9), alarm('other', 'minor', 2), alarm('a', 'major', 1), alarm('b', 'critical', 5, { acknowledged: true })];
    expect(heldRows(['a', 'gone', 'b'], live, 3).map((x) => [x.id, x.acknowledged])).toEqual([
      ['a', false],
      ['b', true],
      ['new', false],
    ]);
  });
});
