import { describe, expect, it } from 'vitest';
import type { CityEvent } from '../../../../src/protocol/cityEvents';
import type { CapAlert } from '../../../../mock-server/cap/capAlert';
import { CapWarnings } from '../../../../mock-server/cap/capWarnings';
import { convertLonLat, datumConverter } from '../../../../mock-server/assets/datum';
import type { StoredWarning } from '../../../../mock-server/cap/warningStore';

const alert: CapAlert = {
  version: '1.2', identifier: 'A1', sender: 's', sent: 't', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [],
  info: [{ language: 'zh-CN', categories: ['Met'], event: '暴雨黄色预警', urgency: 'Immediate', severity: 'Moderate', certainty: 'Likely', headline: null, description: null, instruction: null, senderName: null, effective: null, onset: null, expires: null, areas: [] }],
};
const stored = (key: string, o: Partial<StoredWarning> = {}): Omit<StoredWarning, 'seq'> => ({ key, alert, state: 'active', expiresAt: 2_000, endedBy: null, endedAt: null, receivedAt: 1_000, source: 'bureau', ...o });

function stage(cityNow = 101_000) {
  const events: CityEvent[] = [];
  const clock = { now: cityNow };
  return { events, clock, cap: new CapWarnings(() => clock.now, (e) => events.push(e)) };
}
const states = (events: CityEvent[]) => events.map((e) => (e.type === 'warning' ? `${e.warning.id} ${e.warning.state}` : e.type));

describe('CapWarnings', () => {
  it('announces an alert in force and ends what an Update or Cancel ended', () => {
    const { events, cap } = stage();
    cap.recorded(stored('a'), []);
    cap.recorded(stored('b'), ['a']);
    expect(states(events)).toEqual(['cap:a active', 'cap:a cancelled', 'cap:b active']);
    cap.recorded(stored('c', { state: 'cancellation' }), ['b']);
    expect(states(events).slice(3)).toEqual(['cap:b cancelled']);
    expect(cap.active()).toEqual([]);
  });

  it('announces nothing for a notice or an alert already expired', () => {
    const { events, cap } = stage();
    cap.recorded(stored('n', { state: 'notice' }), []);
    cap.recorded(stored('x', { expiresAt: 900 }), []);
    expect(events).toEqual([]);
  });

  it('ends a warning when its expiry comes on the city clock', () => {
    const { events, cap } = stage();
    // The book's times are on the city clock (warningBook.ts): received at 101 000, 1 s left.
    cap.recorded(stored('a', { receivedAt: 101_000, expiresAt: 102_000 }), []);
    expect(cap.active()[0]).toMatchObject({ issuedAt: 101_000, expiresAt: 102_000 });
    expect(cap.expire(101_999)).toEqual([]);
    expect(cap.expire(102_500).map((e) => e.type === 'warning' && [e.warning.state, e.warning.expiresAt])).toEqual([['cancelled', 102_000]]);
    expect(cap.active()).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it('restores the active ones silently', () => {
    const { events, cap } = stage();
    cap.restore([{ seq: 1, ...stored('a', { receivedAt: 100_500, expiresAt: 101_500 }) }, { seq: 2, ...stored('b', { state: 'replaced' }) }]);
    expect(cap.active().map((w) => [w.id, w.issuedAt, w.expiresAt])).toEqual([['cap:a', 100_500, 101_500]]);
    expect(events).toEqual([]);
  });

  it('moves the areas from CAP\'s WGS 84 into the basemap\'s datum', () => {
    const events: CityEvent[] = [];
    const cap = new CapWarnings(() => 0, (e) => events.push(e), datumConverter('wgs84', 'gcj02'));
    const areas = [{ areaDesc: '浦东新区', polygons: [[[121.5, 31.1], [121.6, 31.1], [121.6, 31.2], [121.5, 31.1]] as [number, number][]], circles: [{ center: [121.45, 31.2] as [number, number], radiusKm: 10 }] }];
    cap.recorded(stored('a', { alert: { ...alert, info: [{ ...alert.info[0]!, areas }] } }), []);
    const [shown] = cap.active();
    expect(shown!.areas![0]!.polygons[0]![0]).toEqual(convertLonLat(121.5, 31.1, 'wgs84', 'gcj02'));
    expect(shown!.areas![0]!.circles[0]).toEqual({ center: convertLonLat(121.45, 31.2, 'wgs84', 'gcj02'), radiusKm: 10 });
  });

  it('moves the alert\'s own times by the shift the book gave its expires', () => {
    const { cap } = stage();
    const timed = { ...alert, info: [{ ...alert.info[0]!, effective: '2026-07-15T14:00:00+08:00', expires: '2026-07-15T17:00:00+08:00' }] };
    const shift = 5 * 86_400_000;
    const expires = Date.parse('2026-07-15T17:00:00+08:00');
    cap.recorded(stored('a', { alert: timed, receivedAt: expires - 3 * 3_600_000 + shift, expiresAt: expires + shift }), []);
    expect(cap.active()[0]).toMatchObject({ issuedAt: expires - 3 * 3_600_000 + shift, expiresAt: expires + shift, effectiveAt: Date.parse('2026-07-15T14:00:00+08:00') + shift });
  });
});
