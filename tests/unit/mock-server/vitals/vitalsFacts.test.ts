/** The facts the indicators read, from a plain city state: no simulation behind it. */
import { describe, expect, it } from 'vitest';
import type { CityState } from '../../../../mock-server/pipeline/cityState';
import type { Readings } from '../../../../mock-server/pipeline/readings';
import { P1_CATEGORIES, vitalsFacts } from '../../../../mock-server/vitals/vitalsFacts';
import { PUMP_STATES } from '@/protocol/assets';
import { allocateChannel, CHANNEL_IDS } from '@/protocol/channels';
import type { Alarm } from '@/protocol/cityEvents';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import { makeIncident } from '../../../support/incidentFixture';

const T = Date.parse('2026-07-15T09:00:00+08:00');
const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');

function readings(values: Partial<Record<keyof Readings, number[]>>): Readings {
  const out = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, 4)])) as Readings;
  for (const [id, v] of Object.entries(values)) out[id as keyof Readings].set(v);
  return out;
}

const alarm = (ruleId: string, slot: number, extra: Partial<Alarm> = {}): Alarm => ({
  id: `${ruleId}:${slot}`,
  ruleId,
  trigger: 'threshold',
  assetKind: 'waterGauge',
  slot,
  assetId: `WG-${slot}`,
  severity: 'major',
  value: 1,
  unit: 'm',
  threshold: 1,
  raisedAt: 0,
  updatedAt: 0,
  clearedAt: null,
  state: 'active',
  acknowledged: false,
  lon: 121.4,
  lat: 31.2,
  district: 0,
  ...extra,
});

const warning = (level: WeatherWarning['level'], state: WeatherWarning['state'] = 'active'): WeatherWarning => ({
  id: `w-${level}`,
  event: 'rainstorm',
  level,
  districts: [],
  issuedAt: 0,
  expiresAt: T + 3_600_000,
  state,
  headline: '暴雨',
  headlineEn: 'rainstorm',
  source: 'simulator',
});

const state: CityState = {
  timeMs: T,
  readings: readings({
    rain: [0, 10, NaN, 20],
    'weather.temp': [30, 32, 34, 36],
    'underpass.depth': [30, 5, 25, 0],
    'waterlog.depth': [15, 14, 0, 0],
    'pump.state': [RUNNING, RUNNING, FAULT, 0],
    'road.index': [2, 8, 6, 10],
    'road.speed': [40, 10, 20, 0],
    'road.closed': [0, 0, 0, 1],
  }),
  events: {
    alarms: [
      alarm('water.level', 0),
      alarm('water.level', 1, { trigger: 'frozen', severity: 'minor' }),
      alarm('underpass.depth', 2, { trigger: 'frozen', severity: 'minor', assetKind: 'underpass' }),
      alarm('water.level', 3, { state: 'cleared' }),
    ],
    incidents: [
      makeIncident({ id: 'a', category: 'underpassFlooding', priority: 1, status: 'new' }),
      makeIncident({ id: 'b', category: 'powerOutage', status: 'dispatched' }),
      makeIncident({ id: 'c', category: 'elevatorEntrapment', priority: 1, status: 'onSite' }),
      makeIncident({ id: 'd', category: 'trafficAccident', status: 'resolved' }),
    ],
    closures: [],
    warnings: [warning('blue'), warning('yellow'), warning('red', 'cancelled')],
  },
  incidentsLastHour: 9,
  maxRain1hMm: 42,
};

describe('vitals facts', () => {
  const facts = vitalsFacts(state, { seed: 7, roadLengthKm: [1, 1, 2, 1] });

  it('summarises the readings, skipping silent sensors', () => {
    expect([facts.rainMax, facts.rainMean, facts.tempMax, facts.tempMean]).toEqual([20, 10, 36, 33]);
    expect([facts.underpassesOver, facts.waterlogOver]).toEqual([2, 1]);
    expect([facts.pumpsRunningPct, facts.pumpsFaulty]).toEqual([50, 1]);
  });

  it('weights the roads by length and leaves closed roads out of the mean speed', () => {
    expect(facts.closedSegments).toBe(1);
    expect(facts.meanSpeed).toBeCloseTo((40 + 10 + 2 * 20) / 4);
    expect(facts.congestedShare).toBeCloseTo((100 * 4) / 5);
  });

  it('leaves road segments with no data (a reading from outside past its no-data interval reads NaN) out of the traffic index; none left is no index, not 0', () => {
    expect(facts.trafficIndex).toBe(Math.round(((2 + 8 + 2 * 6 + 10) / 5) * 10) / 10);
    const partly = vitalsFacts({ ...state, readings: { ...state.readings, 'road.index': Float32Array.from([2, NaN, NaN, 10]) } }, { seed: 7, roadLengthKm: [1, 1, 2, 1] });
    expect(partly.trafficIndex).toBe(6);
    const none = vitalsFacts({ ...state, readings: { ...state.readings, 'road.index': new Float32Array(4).fill(NaN) } }, { seed: 7, roadLengthKm: [1, 1, 2, 1] });
    expect(none.trafficIndex).toBeNaN();
  });

  it('counts open incidents by category and P1 awaiting dispatch; a resolved one is no longer open', () => {
    expect(facts.open).toBe(3);
    expect(facts.openByCategory.get('trafficAccident')).toBeUndefined();
    expect(facts.openByCategory.get('powerOutage')).toBe(1);
    expect(facts.p1Waiting).toBe(1);
    expect(P1_CATEGORIES).toContain('underpassFlooding');
    expect(facts.newLastHour).toBe(9);
  });

  it('tells frozen sensors from water levels over the warning line by trigger, not by rule id', () => {
    expect(facts.waterOverWarning).toBe(1);
    expect(facts.frozen).toBe(2);
  });

  it('takes the highest active warning and hands the city services their conditions', () => {
    expect(facts.warningLevel).toBe(2);
    expect(facts.rain1hMax).toBe(42);
    expect(facts.services).toEqual({ timeMs: T, seed: 7, meanRainMmH: 10, meanTempC: 33, warningLevel: 2, openIncidents: 3, openOutages: 1 });
  });
});
