import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@/protocol/channels';
import { DIMENSIONS } from '@/protocol/vitals';
import { INDICATOR_DEFINITIONS, INDICATORS, type IndicatorId } from '../../../../mock-server/vitals/indicatorCatalogue';
import { roundTo } from '../../../../mock-server/vitals/computeVitals';
import { defineIndicator } from '../../../../mock-server/vitals/indicators/defineIndicator';
import { P1_CATEGORIES } from '../../../../mock-server/vitals/vitalsFacts';

describe('indicator catalogue', () => {
  it('has at least four indicators in each of the five dimensions', () => {
    for (const d of DIMENSIONS) expect(INDICATORS.filter((i) => i.dimension === d).length, d).toBeGreaterThanOrEqual(4);
    expect(new Set(INDICATORS.map((i) => i.dimension))).toEqual(new Set(DIMENSIONS));
  });

  it('gives every indicator a unique id', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
  });

  it('orders the bands the way the indicator gets worse', () => {
    for (const i of INDICATORS) {
      expect(Number.isFinite(i.warning) && Number.isFinite(i.alarm), i.id).toBe(true);
      if (i.direction === 'up') expect(i.warning, i.id).toBeLessThan(i.alarm);
      else expect(i.warning, i.id).toBeGreaterThan(i.alarm);
    }
  });

  it('defines every indicator in both languages, with a name, a unit field and display digits', () => {
    for (const i of INDICATORS) {
      expect(i.name.trim(), i.id).not.toBe('');
      expect(i.nameEn.trim(), i.id).not.toBe('');
      expect(i.definition.trim().length, i.id).toBeGreaterThan(8);
      expect(i.definitionEn.trim().length, i.id).toBeGreaterThan(8);
      // The Chinese definition is in Chinese, the English one is not.
      expect(i.definition, i.id).toMatch(/[\u4e00-\u9fff]/);
      expect(i.definitionEn, i.id).not.toMatch(/[\u4e00-\u9fff]/);
      expect(typeof i.unit).toBe('string');
      expect(Number.isInteger(i.digits) && i.digits >= 0 && i.digits <= 3, i.id).toBe(true);
    }
  });

  it('drills into channels of the right asset kind, and into real alarm rules', () => {
    for (const i of INDICATORS) {
      if (i.drill?.type === 'channel') expect(CHANNELS[i.drill.channel].kind, i.id).toBe(i.drill.kind);
      if (i.drill?.type === 'alarms') expect(i.drill.ruleId ?? i.drill.trigger, i.id).toBeDefined();
      if (i.drill?.type === 'incidents') expect(i.drill.categories.length, i.id).toBeGreaterThan(0);
    }
    expect(P1_CATEGORIES).toEqual(['underpassFlooding', 'elevatorEntrapment']);
  });

  it('defines every indicator with its formula, and an indicator without one does not compile', () => {
    for (const d of INDICATOR_DEFINITIONS) expect(typeof d.compute, d.id).toBe('function');
    // @ts-expect-error a definition without `compute` (a bare spec) is a type error
    expect(() => defineIndicator({ ...INDICATORS[0], id: 'nope' })).not.toThrow();
    // The catalogue's ids are a union of literals, not any string.
    const known: IndicatorId = 'infra.sensorsFrozen';
    // @ts-expect-error an id the catalogue does not define
    const unknown: IndicatorId = 'nope';
    expect([known, unknown]).toHaveLength(2);
  });

  it('carries the specs without their formulas, in the definitions\' order', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual(INDICATOR_DEFINITIONS.map((d) => d.id));
    for (const spec of INDICATORS) expect('compute' in spec, spec.id).toBe(false);
    // The wire clones the specs: a function would make structuredClone throw.
    expect(() => structuredClone(INDICATORS)).not.toThrow();
  });

  it('rounds values to display digits and turns non-numbers into null', () => {
    expect(roundTo(3.14159, 1)).toBe(3.1);
    expect(roundTo(0.1756, 3)).toBe(0.176);
    expect(roundTo(-0.01, 1)).toBe(0);
    expect(Object.is(roundTo(-0.01, 1), -0)).toBe(false);
    expect(roundTo(NaN, 1)).toBeNull();
    expect(roundTo(Infinity, 0)).toBeNull();
  });
});
