/**
 * The built-in rules file reproduces the rules that were code before issue 15, so the simulated
 * city's alarms do not change: the same thresholds (src/domain/thresholds.ts), windows, rates,
 * no-data intervals, incidents and closures, and each water gauge's own warning and danger lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { defaultRules } from '../../../../mock-server/rules/defaultRules';
import { isGeofenceRule, type AlarmRule, type Band } from '../../../../mock-server/rules/ruleTypes';
import { createRng } from '../../../../mock-server/simulator/rng';
import { RAIN_GRADES_MM_H, UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '@/domain/thresholds';
import { PUMP_STATES } from '@/protocol/assets';

/** The rule set as defaultRules.ts wrote it in code, word for word. */
function rulesAsCode(assets: CityAssets): AlarmRule[] {
  const FROZEN_AFTER_S = 10 * 60;
  return [
    {
      id: 'underpass.depth',
      trigger: 'threshold',
      assetKind: 'underpass',
      channel: 'underpass.depth',
      unit: 'cm',
      windowS: 120,
      bands: [
        { severity: 'warning', above: UNDERPASS_THRESHOLDS_CM.warning, clearBelow: 3 },
        { severity: 'critical', above: UNDERPASS_THRESHOLDS_CM.closed, clearBelow: 20 },
      ],
      rate: { perMinute: 1, windowS: 300, minValue: 15, severity: 'critical', clearBelow: 12 },
      frozenAfterS: FROZEN_AFTER_S,
      incident: { category: 'underpassFlooding', at: 'critical' },
      closesRoad: true,
    },
    {
      id: 'waterlog.depth',
      trigger: 'threshold',
      assetKind: 'waterloggingPoint',
      channel: 'waterlog.depth',
      unit: 'cm',
      windowS: 120,
      bands: [
        { severity: 'warning', above: WATERLOGGING_THRESHOLDS_CM.warning, clearBelow: 7 },
        { severity: 'major', above: WATERLOGGING_THRESHOLDS_CM.major, clearBelow: 12 },
      ],
      frozenAfterS: FROZEN_AFTER_S,
      incident: { category: 'waterlogging', at: 'major' },
    },
    {
      id: 'water.level',
      trigger: 'threshold',
      assetKind: 'waterGauge',
      channel: 'water',
      unit: 'm',
      windowS: 300,
      bands: (slot) => {
        const g = assets.waterGauges[slot];
        return [
          { severity: 'major', above: g.warning, clearBelow: g.warning - 0.05 },
          { severity: 'critical', above: g.danger, clearBelow: g.danger - 0.05 },
        ];
      },
      frozenAfterS: FROZEN_AFTER_S,
      incident: { category: 'highWater', at: 'major' },
    },
    {
      id: 'rain.intensity',
      trigger: 'threshold',
      assetKind: 'rainGauge',
      channel: 'rain',
      unit: 'mm/h',
      windowS: 300,
      bands: [
        { severity: 'minor', above: RAIN_GRADES_MM_H.rainstorm, clearBelow: 12 },
        { severity: 'major', above: RAIN_GRADES_MM_H.overDrainage, clearBelow: 30 },
        { severity: 'critical', above: RAIN_GRADES_MM_H.extreme, clearBelow: 60 },
      ],
      frozenAfterS: 15 * 60,
    },
    {
      id: 'pump.state',
      trigger: 'state',
      assetKind: 'pumpStation',
      channel: 'pump.state',
      severities: { [PUMP_STATES.indexOf('fault')]: 'major' },
      silentStates: [PUMP_STATES.indexOf('offline')],
      frozenAfterS: FROZEN_AFTER_S,
      incident: { category: 'pumpFault', at: 'major' },
    },
  ];
}

/** Bands per slot, so per-asset bands compare as data. */
function bandsBySlot(rule: AlarmRule, slots: number): Band[][] | null {
  if (rule.trigger !== 'threshold') return null;
  const { bands } = rule;
  return Array.from({ length: slots }, (_, slot) => (typeof bands === 'function' ? bands(slot) : bands));
}

describe('the built-in rules file', () => {
  let assets: CityAssets;
  beforeAll(() => {
    assets = placeAssets(loadCityGeo(), createRng(42));
  });

  it('gives exactly the rules the code gave, in the same order', () => {
    // The muck trucks' geofences came with the file (issue 15); the code had none to compare with.
    const fromFile = defaultRules(assets).filter((r) => !isGeofenceRule(r));
    const fromCode = rulesAsCode(assets);
    expect(fromFile.map((r) => r.id)).toEqual(fromCode.map((r) => r.id));
    const slots = (r: AlarmRule) => (r.assetKind === 'waterGauge' ? assets.waterGauges.length : 1);
    fromFile.forEach((rule, i) => {
      const expected = fromCode[i];
      // Everything but the bands, field for field (no field more, none less, no undefined in place of absent).
      const strip = (r: AlarmRule) => ({ ...r, bands: undefined });
      expect(strip(rule)).toStrictEqual(strip(expected));
      expect(bandsBySlot(rule, slots(expected))).toStrictEqual(bandsBySlot(expected, slots(expected)));
    });
  });

  it('takes each water gauge its own lines, which differ from gauge to gauge', () => {
    const water = defaultRules(assets).find((r) => r.id === 'water.level')!;
    const bands = bandsBySlot(water, assets.waterGauges.length)!;
    expect(bands.map((b) => b[0].above)).toEqual(assets.waterGauges.map((g) => g.warning));
    expect(new Set(bands.map((b) => b[0].above)).size).toBeGreaterThan(5);
  });
});
