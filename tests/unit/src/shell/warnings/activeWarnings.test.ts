import { describe, expect, it } from 'vitest';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import { activeWarnings, tickerItems, WARNING_COLORS, warningArea, warningTitle } from '@/shell/warnings/activeWarnings';
import { beaufortOf, finiteMean, weatherSummary } from '@/shell/weather/weatherSummary';

const warning = (id: string, level: WeatherWarning['level'], issuedAt: number, extra: Partial<WeatherWarning> = {}): WeatherWarning => ({
  id,
  event: 'rainstorm',
  level,
  districts: [],
  issuedAt,
  expiresAt: issuedAt + 3_600_000,
  state: 'active',
  headline: `标题 ${id}`,
  headlineEn: `Headline ${id}`,
  source: 'simulator',
  ...extra,
});

const zh = (key: string, v?: Record<string, unknown>) =>
  key === 'warnings.title' ? `${v!.event}${v!.level}预警` : ({ 'warnings.events.rainstorm': '暴雨', 'warnings.events.gale': '大风', 'warnings.levels.orange': '橙色', 'warnings.levels.blue': '蓝色', 'warnings.cityWide': '全市' } as Record<string, string>)[key] ?? key;

describe('weather warnings', () => {
  it('keeps the warnings in force, most severe first, newest first within a level', () => {
    const list = activeWarnings(
      [warning('a', 'blue', 100), warning('b', 'orange', 50), warning('c', 'orange', 80), warning('d', 'red', 0, { state: 'cancelled' }), warning('e', 'red', 0, { expiresAt: 900 })],
      1000,
    );
    expect(list.map((w) => w.id)).toEqual(['c', 'b', 'a']);
    // Without a simulated time, expiry cannot be judged: only the state counts.
    expect(activeWarnings([warning('e', 'red', 0, { expiresAt: 900 })], null).map((w) => w.id)).toEqual(['e']);
  });

  it('names a warning by event and level, and its area by district or as city-wide', () => {
    const districts = [
      { code: '1', name: '黄浦区', nameEn: 'Huangpu' },
      { code: '2', name: '浦东新区', nameEn: 'Pudong' },
    ];
    expect(warningTitle(warning('a', 'orange', 0), { t: zh })).toBe('暴雨橙色预警');
    expect(warningArea(warning('a', 'orange', 0), { t: zh, en: false, districts })).toBe('全市');
    expect(warningArea(warning('a', 'orange', 0, { districts: [1, 0, 7] }), { t: zh, en: false, districts })).toBe('浦东新区、黄浦区');
    expect(warningArea(warning('a', 'orange', 0, { districts: [1, 0] }), { t: zh, en: true, districts })).toBe('Pudong, Huangpu');
    const many = [0, 1, 2, 3].map((i) => ({ code: String(i), name: `区${i}`, nameEn: `D${i}` }));
    expect(warningArea(warning('a', 'orange', 0, { districts: [2, 0, 1, 3] }), { t: (k, v) => `${k}:${JSON.stringify(v)}`, en: false, districts: many })).toBe(
      'warnings.manyDistricts:{"first":"区2","n":4}',
    );
  });

  it("names a CAP warning of another event as its issuer did, and its area by the alert's areas", () => {
    const areas = ['浦东新区', '黄浦区', '徐汇区', '静安区'].map((areaDesc) => ({ areaDesc, polygons: [], circles: [] }));
    const quake = warning('q', 'orange', 0, { event: 'other', eventText: 'Earthquake', source: 'cap', areas: areas.slice(0, 2) });
    expect(warningTitle(quake, { t: zh })).toBe('Earthquake');
    expect(warningTitle({ ...quake, event: 'rainstorm', eventText: '暴雨橙色预警' }, { t: zh })).toBe('暴雨橙色预警');
    expect(warningArea(quake, { t: zh, en: false, districts: [] })).toBe('浦东新区、黄浦区');
    expect(warningArea({ ...quake, areas }, { t: zh, en: true, districts: [] })).toBe('浦东新区, 黄浦区, 徐汇区 …');
  });

  it("names a CAP warning in English by the alert's English info where it has one", () => {
    const areas = [{ areaDesc: '浦东新区', areaDescEn: 'Pudong', polygons: [], circles: [] }, { areaDesc: '黄浦区', polygons: [], circles: [] }];
    const quake = warning('q', 'orange', 0, { event: 'other', eventText: '地震', eventTextEn: 'Earthquake', source: 'cap', areas });
    expect(warningTitle(quake, { t: zh, en: true })).toBe('Earthquake');
    expect(warningTitle(quake, { t: zh })).toBe('地震');
    expect(warningArea(quake, { t: zh, en: true, districts: [] })).toBe('Pudong, 黄浦区');
    expect(warningArea(quake, { t: zh, en: false, districts: [] })).toBe('浦东新区、黄浦区');
  });

  it('builds ticker items in the current language with the signal colour', () => {
    const [item] = tickerItems([warning('a', 'blue', 0, { event: 'gale' })], { t: zh, en: true, districts: [] });
    expect(item).toEqual({ id: 'a', level: 'blue', color: WARNING_COLORS.blue, title: '大风蓝色预警', area: '全市', headline: 'Headline a' });
  });
});

describe('header weather', () => {
  it('averages the stations that report', () => {
    expect(finiteMean([20, NaN, 22])).toBe(21);
    expect(finiteMean([NaN])).toBeNaN();
  });

  it('gives the Beaufort force of the mean wind', () => {
    expect([0, 1, 3.3, 3.4, 5.5, 10.8, 17.2, 40].map(beaufortOf)).toEqual([0, 1, 2, 3, 4, 6, 8, 12]);
    expect(beaufortOf(NaN)).toBeNaN();
  });

  it('summarises temperature and wind, or nothing before the first snapshot', () => {
    expect(weatherSummary(new Float32Array([26, 28]), new Float32Array([4, 6]))).toEqual({ tempC: 27, windMs: 5, beaufort: 3, stale: false });
    expect(weatherSummary(undefined, undefined)).toBeNull();
    expect(weatherSummary(new Float32Array([NaN]), new Float32Array([NaN]))).toBeNull();
  });
});
