import { describe, expect, it } from 'vitest';
import type { RainCell } from '../../../../mock-server/simulator/rainCells';
import { RainAccumulator } from '../../../../mock-server/rules/rainTotals';
import { EASE_AFTER_MS, nowcastNextHour, rainstormLevelOf, VALIDITY_MS, WeatherOffice, type Observations } from '../../../../mock-server/rules/weatherOffice';
import type { WeatherWarning } from '@/protocol/weatherWarnings';

const START = Date.parse('2026-07-15T10:00:00+08:00');
const STEP_S = 10;
const MIN = 60_000;
const BLUE = 0;
const YELLOW = 1;
const ORANGE = 2;
const RED = 3;

const DISTRICTS = [
  { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
  { code: '310115', name: '浦东新区', nameEn: 'Pudong' },
  { code: '310112', name: '闵行区', nameEn: 'Minhang' },
];

/** Three gauges (one per district, 10 km apart on the x axis) and three stations beside them. */
function newOffice() {
  return new WeatherOffice({
    districts: DISTRICTS,
    gaugeDistrict: [0, 1, 2],
    gaugeXY: [0, 0, 10, 0, 20, 0],
    stationDistrict: [0, 1, 2],
    stationXY: [0, 0, 10, 0, 20, 0],
  });
}

const calm = (rain: number[], over: Partial<Observations> = {}): Observations => ({
  rain,
  wind: [2, 2, 2],
  temp: [28, 28, 28],
  cells: [],
  forecastMaxC: NaN,
  ...over,
});

/** Feeds the office 10-second observations for `minutes`; returns the changes and the time reached. */
function run(office: WeatherOffice, from: number, minutes: number, obs: Observations | ((t: number) => Observations)): { changes: WeatherWarning[]; t: number } {
  const changes: WeatherWarning[] = [];
  let t = from;
  for (let k = 0; k < (minutes * 60) / STEP_S; k++) {
    t += STEP_S * 1000;
    changes.push(...office.step(t, STEP_S, typeof obs === 'function' ? obs(t) : obs));
  }
  return { changes, t };
}

/** Rain at a fixed rate on gauge 0 only (mm/h). */
const onGauge0 = (mmH: number) => calm([mmH, 0, 0]);

/** An accumulator fed `mmH` for `minutes` on one gauge. */
function accumulate(segments: [minutes: number, mmH: number][]): RainAccumulator {
  const acc = new RainAccumulator(1);
  let t = START;
  for (const [minutes, mmH] of segments) {
    for (let k = 0; k < (minutes * 60) / STEP_S; k++) {
      t += STEP_S * 1000;
      acc.observe(t, STEP_S, [mmH]);
    }
  }
  return acc;
}

/** A convective cell at its mature peak (envelope 1), centred at (x, y) km, not moving. */
const cell = (x: number, y: number, peakMmH: number, radiusKm = 5, vx = 0): RainCell => ({ x, y, vx, vy: 0, radiusKm, peakMmH, ageS: 3600, lifeS: 7200 });

describe('rolling rain totals', () => {
  it('keeps 1–12 hour totals per gauge at 10-minute resolution', () => {
    const acc = accumulate([[120, 30]]);
    expect(acc.total(0, 1)).toBeCloseTo(30, 3);
    expect(acc.total(0, 2)).toBeCloseTo(60, 3);
    expect(acc.total(0, 3)).toBeCloseTo(60, 3);
    expect(acc.total(0, 12)).toBeCloseTo(60, 3);
    expect(acc.maxTotal(3)).toBeCloseTo(60, 3);
    expect(acc.intensity[0]).toBeCloseTo(30, 1);
  });

  it('lets old rain leave the window', () => {
    const acc = accumulate([[60, 30], [180, 0]]);
    expect(acc.total(0, 1)).toBe(0);
    expect(acc.total(0, 3)).toBe(0);
    expect(acc.total(0, 6)).toBeCloseTo(30, 3);
    expect(acc.intensity[0]).toBeLessThan(0.01);
  });

  it('counts nothing from a silent gauge', () => {
    const acc = new RainAccumulator(2);
    for (let k = 1; k <= 360; k++) acc.observe(START + k * 10_000, 10, [NaN, 12]);
    expect(acc.total(0, 1)).toBe(0);
    expect(acc.total(1, 1)).toBeCloseTo(12, 3);
  });
});

describe('rainstorm signal rules', () => {
  it('calls orange for 55 mm in 2 hours while it rains on', () => {
    expect(rainstormLevelOf(accumulate([[120, 27.5]]), 0, 0)).toBe(ORANGE);
  });

  it('calls red for 105 mm in 3 hours', () => {
    expect(rainstormLevelOf(accumulate([[180, 35]]), 0, 0)).toBe(RED);
  });

  it('calls yellow for 50 mm in 6 hours and blue for 50 mm in 12', () => {
    expect(rainstormLevelOf(accumulate([[300, 10.5]]), 0, 0)).toBe(YELLOW);
    expect(rainstormLevelOf(accumulate([[600, 5.5]]), 0, 0)).toBe(BLUE);
  });

  it('calls nothing below the totals', () => {
    expect(rainstormLevelOf(accumulate([[120, 20]]), 0, 0)).toBe(-1);
  });

  it('warns ahead when the nowcast puts a gauge on course to cross within the window', () => {
    const acc = accumulate([[120, 20]]); // 40 mm in 2 h
    expect(rainstormLevelOf(acc, 0, 5)).toBe(-1);
    expect(rainstormLevelOf(acc, 0, 12)).toBe(ORANGE);
    expect(rainstormLevelOf(acc, 0, 62)).toBe(RED);
  });

  it('holds no signal once the rain has stopped, however much fell', () => {
    const acc = accumulate([[180, 35], [60, 0]]);
    expect(acc.total(0, 3)).toBeGreaterThan(60);
    expect(rainstormLevelOf(acc, 0, 0)).toBe(-1);
    // …unless the radar brings more.
    expect(rainstormLevelOf(acc, 0, 10)).toBe(ORANGE);
  });

  it('nowcasts the next hour by moving the cells along their drift', () => {
    const out = new Float64Array(2);
    // A 40 mm/h cell 30 km west of the first point, drifting east at 36 km/h: it passes within the hour.
    nowcastNextHour([cell(-30, 0, 40, 5, 0.01)], [0, 0, 0, 60], out);
    expect(out[0]).toBeGreaterThan(8);
    expect(out[1]).toBe(0);
  });
});

describe('the warning office', () => {
  it('issues orange for 55 mm in 2 hours, upgrades to red at 100 mm in 3, and cancels after the rain stops', () => {
    const office = newOffice();
    const wet = run(office, START, 180, onGauge0(35));
    const rain = wet.changes.filter((w) => w.event === 'rainstorm');
    expect(rain[0]).toMatchObject({ level: 'orange', state: 'active', districts: [0], source: 'simulator' });
    // 50 mm at 35 mm/h falls after 86 minutes.
    expect(rain[0].issuedAt - START).toBeGreaterThanOrEqual(85 * MIN);
    expect(rain[0].issuedAt - START).toBeLessThanOrEqual(87 * MIN);
    const red = rain.find((w) => w.level === 'red')!;
    expect(red.id).toBe(rain[0].id);
    expect(red.issuedAt - START).toBeGreaterThanOrEqual(171 * MIN);
    expect(office.highestLevel()).toBe(4);
    expect(office.active().map((w) => w.level)).toEqual(['red']);

    // The rain stops: nothing changes for half an hour (no flicker), then the warning eases off and is
    // cancelled within two hours; it is never raised again.
    const firstHalfHour = run(office, wet.t, 30, onGauge0(0));
    expect(firstHalfHour.changes).toEqual([]);
    const dry = run(office, firstHalfHour.t, 90, onGauge0(0));
    const after = dry.changes.filter((w) => w.event === 'rainstorm');
    expect(after.every((w) => w.id === red.id && w.level !== 'red')).toBe(true);
    const cancelled = after[after.length - 1];
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.expiresAt).toBeLessThanOrEqual(dry.t);
    expect(cancelled.headline).toContain('解除暴雨');
    expect(office.active()).toEqual([]);
    expect(office.highestLevel()).toBe(0);
  });

  it('words each warning in both languages', () => {
    const office = newOffice();
    const [w] = run(office, START, 120, calm([28, 28, 0])).changes;
    expect(w.headline).toContain('暴雨橙色预警');
    expect(w.headline).toContain('黄浦区、浦东新区');
    expect(w.headlineEn).toContain('Orange rainstorm warning issued for Huangpu, Pudong');
  });

  it('eases a warning to the level met over the last half hour rather than dropping it', () => {
    const office = newOffice();
    const wet = run(office, START, 110, onGauge0(30)); // orange at 100 minutes
    expect(office.active()[0].level).toBe('orange');
    // Lighter rain that still makes 50 mm in 6 hours, not in 3: yellow.
    const { changes } = run(office, wet.t, 240, onGauge0(4));
    // Renewals keep orange standing meanwhile; the first change of level is down to yellow.
    const eased = changes.filter((w) => w.event === 'rainstorm' && w.level !== 'orange');
    expect(eased[0]).toMatchObject({ level: 'yellow', state: 'active' });
    expect(eased[0].issuedAt - wet.t).toBeGreaterThanOrEqual(EASE_AFTER_MS.rainstorm);
  });

  it('renews a standing warning before it lapses', () => {
    const office = newOffice();
    const { changes } = run(office, START, 5 * 60, calm([0, 0, 0], { wind: [12, 3, 3] }));
    const gale = changes.filter((w) => w.event === 'gale');
    expect(gale[0]).toMatchObject({ level: 'blue', districts: [0] });
    const renewed = gale.slice(1);
    expect(renewed.length).toBeGreaterThan(0);
    expect(renewed[0].expiresAt).toBeGreaterThan(gale[0].expiresAt);
    expect(renewed[0].expiresAt - gale[0].expiresAt).toBeLessThanOrEqual(VALIDITY_MS.gale);
    for (const w of gale) expect(w.expiresAt).toBeGreaterThan(w.issuedAt);
  });

  it('issues gale warnings by the Beaufort lines of the mean wind', () => {
    const office = newOffice();
    expect(run(office, START, 1, calm([0, 0, 0], { wind: [10, 3, 3] })).changes).toEqual([]);
    expect(run(office, START, 1, calm([0, 0, 0], { wind: [11, 3, 3] })).changes[0]).toMatchObject({ event: 'gale', level: 'blue' });
    expect(run(office, START + MIN, 1, calm([0, 0, 0], { wind: [11, 18, 3] })).changes[0]).toMatchObject({ event: 'gale', level: 'yellow', districts: [1] });
  });

  it('warns of thunderstorms from strong convective cells near the stations', () => {
    const office = newOffice();
    // 45 mm/h core 25 km beyond the last station: yellow, for the station within 30 km.
    expect(run(office, START, 1, calm([0, 0, 0], { cells: [cell(45, 0, 45)] })).changes[0]).toMatchObject({ event: 'thunderstorm', level: 'yellow', districts: [2] });
    // A wide band of rain is not convective (its nowcast raises a rainstorm warning, not a thunderstorm one).
    const other = newOffice();
    const band = run(other, START, 1, calm([0, 0, 0], { cells: [cell(5, 0, 95, 20)] })).changes;
    expect(band.map((w) => w.event)).toEqual(['rainstorm']);
    // 70 mm/h reaching a station: orange; 95 mm/h over it: red.
    expect(run(office, START + MIN, 1, calm([0, 0, 0], { cells: [cell(28, 0, 70)] })).changes[0]).toMatchObject({ level: 'orange', districts: [2] });
    expect(run(office, START + 2 * MIN, 1, calm([0, 0, 0], { cells: [cell(10, 0, 95)] })).changes[0]).toMatchObject({ level: 'red' });
  });

  it('issues city-wide heat warnings from the stations, or from the morning forecast', () => {
    const office = newOffice();
    const hot = run(office, START, 1, calm([0, 0, 0], { temp: [34, 35.2, 33] })).changes;
    expect(hot[0]).toMatchObject({ event: 'heat', level: 'yellow', districts: [] });
    expect(hot[0].headline).toContain('本市最高气温将升至35℃以上');
    // 08:00, a forecast of 37 °C: orange before the heat arrives.
    const morning = Date.parse('2026-07-15T08:00:00+08:00');
    const early = newOffice();
    expect(run(early, morning, 1, calm([0, 0, 0], { forecastMaxC: 37.2 })).changes[0]).toMatchObject({ event: 'heat', level: 'orange' });
    // In the evening the day's forecast no longer counts.
    const evening = Date.parse('2026-07-15T18:00:00+08:00');
    expect(run(newOffice(), evening, 1, calm([0, 0, 0], { forecastMaxC: 37.2 })).changes).toEqual([]);
  });

  it('is deterministic: the same observations give the same warnings', () => {
    const weather = (t: number) => calm([30 + 10 * Math.sin(t / 3_600_000), 12, 0], { wind: [11, 3, 3], cells: [cell(0, 0, 60)] });
    const a = run(newOffice(), START, 240, weather).changes;
    const b = run(newOffice(), START, 240, weather).changes;
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
