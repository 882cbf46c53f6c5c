import { describe, expect, it } from 'vitest';
import type { Incident } from '@/protocol/cityEvents';
import { gaugesByRainBand, incidentsByStatus, pumpsByState } from '@/vitals/features/featureData';
import { featureView, type FeatureInput } from '@/vitals/features/featureView';
import { readingsOf } from '@/vitals/indicatorView';
import { INDICATORS, vitalsAt } from '../../../../support/indicatorFixtures';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const incident = (id: string, status: Incident['status']): Incident =>
  ({ id, status, category: 'litter', priority: 3, createdAt: 0 }) as Incident;

const base = (dimension: FeatureInput['dimension']): FeatureInput => ({
  dimension,
  readings: readingsOf(INDICATORS, vitalsAt(0), dimension),
  incidents: [incident('a', 'new'), incident('b', 'dispatched'), incident('c', 'dispatched'), incident('d', 'onSite')],
  rain: new Float32Array([0, 0.5, 3, 20, 40, NaN]),
  pumpStates: new Uint8Array([0, 1, 1, 2, 3, 9]),
  cityTrafficIndex: 5.3,
  peakRain: 'Peak 40 mm/h · A',
  t: (key, values) => (values ? `${key}:${JSON.stringify(values)}` : key),
  fmt: (v, digits = 0) => v.toFixed(digits),
  nameOf: (r) => r.spec.nameEn,
});

describe('feature data', () => {
  it('counts open incidents by status, gauges by rain band and pumps by state', () => {
    expect(incidentsByStatus(base('cityDynamics').incidents)).toEqual({ new: 1, dispatched: 2, accepted: 0, onSite: 1, resolved: 0, verified: 0, closed: 0, cancelled: 0 });
    expect(gaugesByRainBand([0, 0.5, 3, 20, 40, NaN])).toEqual({ none: 1, light: 1, moderate: 1, heavy: 0, rainstorm: 1, overDrainage: 1, extreme: 0 });
    // Unknown state codes are not counted.
    expect(pumpsByState([0, 1, 1, 2, 3, 9])).toEqual({ standby: 1, running: 2, fault: 1, offline: 1 });
  });
});

describe('each dimension’s headline chart', () => {
  it('city dynamics: a ring of open incidents by status', () => {
    const v = featureView(base('cityDynamics'));
    expect(v.kind).toBe('ring');
    expect(v.legend.map((l) => l.value)).toEqual(['1', '2', '0', '1', '0', '0']);
    expect((v.option as Loose).series[0].label.formatter()).toContain('4');
  });

  it('environment: bars of wet gauges per band, with where the peak is', () => {
    const v = featureView(base('environment'));
    expect(v.kind).toBe('bars');
    expect((v.option as Loose).xAxis.data).toEqual(['0.1', '2.5', '8', '16', '36', '70']);
    expect((v.option as Loose).series[0].data.map((d: Loose) => d.value)).toEqual([1, 1, 0, 1, 1, 0]);
    expect(v.caption).toBe('Peak 40 mm/h · A');
  });

  it('traffic: a gauge of the city traffic index on the 0–10 congestion bands', () => {
    const v = featureView(base('traffic'));
    const g = (v.option as Loose).series[0];
    expect(v.kind).toBe('gauge');
    expect([g.min, g.max]).toEqual([0, 10]);
    expect(g.axisLine.lineStyle.color).toHaveLength(5);
    expect(g.detail.formatter()).toBe('5.3');
    expect(g.data[0].name).toBe('map.congestion.moderate');
    expect(featureView({ ...base('traffic'), cityTrafficIndex: NaN }).option).toMatchObject({ series: [{ pointer: { show: false } }] });
  });

  it('supply: a gauge of its first indicator against its own bands', () => {
    const v = featureView(base('supply'));
    const g = (v.option as Loose).series[0];
    expect(v.title).toBe('Power load');
    expect(g.max).toBe(5000);
    expect(g.detail.formatter()).toBe('3380');
    expect(v.caption).toBe('vitals.status.warning');
  });

  it('infrastructure: a ring of pump stations by state', () => {
    const v = featureView(base('infrastructure'));
    expect(v.kind).toBe('ring');
    expect(v.legend.map((l) => [l.label, l.value])).toEqual([
      ['map.pumpState.running', '2'],
      ['map.pumpState.standby', '1'],
      ['map.pumpState.fault', '1'],
      ['map.pumpState.offline', '1'],
    ]);
    expect(featureView({ ...base('infrastructure'), pumpStates: undefined }).legend.every((l) => l.value === '—')).toBe(true);
  });
});
