/**
 * The simulated weather office's CAP: every document it writes passes the project's own CAP reader and
 * validator (parseCapAlert, the OASIS XSD's checks) and reads back as the warning the office made —
 * event, colour, headlines, areas, times on the city clock — with Alert, Update and Cancel chained by references.
 */
import { describe, expect, it } from 'vitest';
import type { WeatherWarning, WarningEvent } from '../../../../src/protocol/weatherWarnings';
import { capKeyOf, capExpiresMs } from '../../../../mock-server/cap/capAlert';
import { capWarningOf } from '../../../../mock-server/cap/capWarning';
import { capTimeCst, OFFICE_SENDER, OfficeCapWriter, type OfficeDistrict } from '../../../../mock-server/cap/officeCap';
import { parseCapAlert } from '../../../../mock-server/cap/parseCapAlert';

const T0 = Date.parse('2026-07-15T14:00:00+08:00');
const HOUR = 3_600_000;
const square = (lon: number, lat: number): [number, number][] => [[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat], ];
const DISTRICTS: OfficeDistrict[] = [
  { ref: { code: '310101', name: '黄浦区', nameEn: 'Huangpu' }, outline: square(121.47, 31.22) },
  { ref: { code: '310115', name: '浦东新区', nameEn: 'Pudong' }, outline: square(121.6, 31.2) },
  { ref: { code: '310151', name: '崇明区', nameEn: 'Chongming' }, outline: square(121.5, 31.6) },
];

function change(o: Partial<WeatherWarning> & { event: WarningEvent }): WeatherWarning & { event: WarningEvent } {
  return { id: 'WW', level: 'orange', districts: [0, 1], issuedAt: T0, expiresAt: T0 + 3 * HOUR, state: 'active', headline: '上海中心气象台发布暴雨橙色预警', headlineEn: 'Orange rainstorm warning issued', source: 'simulator', ...o };
}

function parsed(xml: string | null) {
  expect(xml).not.toBeNull();
  const result = parseCapAlert(Buffer.from(xml!, 'utf8'));
  if (!result.ok) throw new Error(`refused: ${result.problems.join('; ')}`);
  return result.alert;
}

describe('OfficeCapWriter', () => {
  it('writes a valid CAP 1.2 Alert that reads back as the office\'s warning', () => {
    const writer = new OfficeCapWriter(DISTRICTS);
    const alert = parsed(writer.write(change({ event: 'rainstorm' }), T0));
    expect(alert).toMatchObject({ version: '1.2', identifier: 'SHMO-RAINSTORM-20260715T140000', sender: OFFICE_SENDER, sent: '2026-07-15T14:00:00+08:00', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [] });
    expect(alert.info.map((i) => [i.language, i.event, i.severity, i.urgency, i.certainty])).toEqual([
      ['zh-CN', '暴雨橙色预警', 'Severe', 'Immediate', 'Likely'],
      ['en-US', 'Orange Rainstorm Warning', 'Severe', 'Immediate', 'Likely'],
    ]);
    expect(alert.info[0]).toMatchObject({ senderName: '上海中心气象台', effective: '2026-07-15T14:00:00+08:00', expires: '2026-07-15T17:00:00+08:00' });
    expect(alert.info[0]!.areas).toEqual([{ areaDesc: '黄浦区、浦东新区', polygons: [DISTRICTS[0]!.outline, DISTRICTS[1]!.outline], circles: [] }]);
    expect(capExpiresMs(alert)).toBe(T0 + 3 * HOUR);
    // Read back as the wall shows it: the same event, colour and headlines.
    const shown = capWarningOf(capKeyOf(alert), alert, T0, capExpiresMs(alert), { cityNow: T0, wallNow: T0 });
    expect(shown).toMatchObject({ areas: [{ areaDesc: '黄浦区、浦东新区' }], event: 'rainstorm', level: 'orange', headline: '上海中心气象台发布暴雨橙色预警', headlineEn: 'Orange rainstorm warning issued', issuedAt: T0, expiresAt: T0 + 3 * HOUR, eventText: '暴雨橙色预警' });
  });

  it('chains an upgrade as an Update and a lifting as a Cancel, each referencing the alert in force', () => {
    const writer = new OfficeCapWriter(DISTRICTS);
    const first = parsed(writer.write(change({ event: 'rainstorm', level: 'yellow' }), T0));
    const upgrade = parsed(writer.write(change({ event: 'rainstorm', level: 'red', issuedAt: T0 + HOUR, expiresAt: T0 + 4 * HOUR }), T0 + HOUR));
    expect(upgrade).toMatchObject({ msgType: 'Update', references: [{ sender: first.sender, identifier: first.identifier, sent: first.sent }] });
    expect(upgrade.info[0]).toMatchObject({ event: '暴雨红色预警', severity: 'Extreme', certainty: 'Observed' });
    const lifted = parsed(writer.write(change({ event: 'rainstorm', level: 'red', state: 'cancelled', expiresAt: T0 + 2 * HOUR, headline: '上海中心气象台解除暴雨红色预警。' }), T0 + 2 * HOUR));
    expect(lifted).toMatchObject({ msgType: 'Cancel', references: [{ identifier: upgrade.identifier, sent: upgrade.sent }] });
    // The next signal of the event starts afresh; another event is its own chain.
    expect(parsed(writer.write(change({ event: 'rainstorm' }), T0 + 3 * HOUR)).msgType).toBe('Alert');
    expect(parsed(writer.write(change({ event: 'gale', level: 'blue' }), T0 + 3 * HOUR)).info.map((i) => [i.event, i.severity])).toEqual([['大风蓝色预警', 'Minor'], ['Blue Gale Warning', 'Minor']]);
  });

  it('updates what a rebuilt city restored, names the whole city, and cancels nothing it does not know', () => {
    const writer = new OfficeCapWriter(DISTRICTS, (event) => (event === 'heat' ? [`${OFFICE_SENDER},SHMO-HEAT-20260715T100000,2026-07-15T10:00:00+08:00`] : []));
    const heat = parsed(writer.write(change({ event: 'heat', level: 'yellow', districts: [] }), T0));
    expect(heat).toMatchObject({ msgType: 'Update', references: [{ identifier: 'SHMO-HEAT-20260715T100000' }] });
    // City-wide: named (and coded 310000), not outlined, so the map does not tint all of Shanghai.
    expect(heat.info[0]!.areas).toEqual([{ areaDesc: '上海市', polygons: [], circles: [] }]);
    expect(heat.info[1]!.areas[0]!.areaDesc).toBe('Shanghai');
    expect(writer.write(change({ event: 'thunderstorm', state: 'cancelled' }), T0)).toBeNull();
  });

  it('writes CAP times in China Standard Time to the second', () => {
    expect(capTimeCst(Date.parse('2026-07-15T06:00:00.750Z'))).toBe('2026-07-15T14:00:00+08:00');
  });
});
