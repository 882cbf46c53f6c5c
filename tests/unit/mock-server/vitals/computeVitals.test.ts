import { describe, expect, it } from 'vitest';
import { computeVitals, roundTo } from '../../../../mock-server/vitals/computeVitals';
import { INDICATOR_DEFINITIONS } from '../../../../mock-server/vitals/indicatorCatalogue';
import { defineIndicator } from '../../../../mock-server/vitals/indicators/defineIndicator';
import type { VitalsFacts } from '../../../../mock-server/vitals/vitalsFacts';

const spec = { dimension: 'traffic', name: '测试', nameEn: 'Test', unit: '', direction: 'up', warning: 1, alarm: 2, definition: '测试用的指标定义', definitionEn: 'A test indicator' } as const;

describe('computeVitals', () => {
  it('applies each definition’s formula to the facts and rounds to its digits, in order', () => {
    const defs = [
      defineIndicator({ ...spec, id: 'a', digits: 1, compute: (f) => f.rainMax }),
      defineIndicator({ ...spec, id: 'b', digits: 0, compute: (f) => f.open * 1.6 }),
      defineIndicator({ ...spec, id: 'c', digits: 2, compute: (f) => f.meanSpeed }),
    ];
    const facts = { timeMs: 1234, rainMax: 12.34, open: 3, meanSpeed: NaN } as VitalsFacts;
    expect(computeVitals(defs, facts)).toEqual({ t: 1234, values: [12.3, 5, null] });
  });

  it('computes the whole catalogue from facts alone', () => {
    const facts = { timeMs: 0, rainMax: 1, openByCategory: new Map(), services: { timeMs: 0, seed: 1, meanRainMmH: 0, meanTempC: 20, warningLevel: 0, openIncidents: 0, openOutages: 0 } } as unknown as VitalsFacts;
    const frame = computeVitals(INDICATOR_DEFINITIONS, facts);
    expect(frame.values).toHaveLength(INDICATOR_DEFINITIONS.length);
    expect(frame.values[INDICATOR_DEFINITIONS.findIndex((d) => d.id === 'env.rainMax')]).toBe(1);
  });

  it('rounds to the display digits and never returns −0', () => {
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(Object.is(roundTo(-0.04, 1), -0)).toBe(false);
  });
});
