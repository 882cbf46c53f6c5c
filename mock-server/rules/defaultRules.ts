/**
 * The rule set, seeded from the thresholds in ../shared/BRIEF.md. Plain data, so a deployment can
 * tune it without touching the engine.
 */
import { RAIN_GRADES_MM_H, UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '../../src/domain/thresholds';
import { PUMP_STATES } from '../../src/protocol/assets';
import type { CityAssets } from '../city/assets';
import type { AlarmRule } from './ruleTypes';

const FROZEN_AFTER_S = 10 * 60;

export function defaultRules(assets: CityAssets): AlarmRule[] {
  return [
    {
      // Shanghai's underpass LED signs: under 25 cm yellow "积水 缓慢通行", over 25 cm red "禁止通行".
      // Fast-rising water closes earlier: 1 cm/min for 5 min once 15 cm stand on the road.
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
      // Road lanes are designed for at most 15 cm of standing water.
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
      // Each gauge's own warning and danger lines (Huangpu Park 4.55 m, Wusongkou 4.8 m, Mishidu 3.5 m…).
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
      // Hourly grades: rainstorm ≥ 16 mm/h; older districts drain ~36 mm/h; ≥ 70 is extreme.
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
