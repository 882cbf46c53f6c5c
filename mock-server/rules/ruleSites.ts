/**
 * What alarm rules can watch: the asset kinds the engine can locate (id, position, district per
 * slot), and the per-asset threshold columns each kind carries. A rules file names a kind from
 * here; a level names a threshold column to take each asset's own line over the rule's default.
 */
import type { CityAssets } from '../city/assets';
import type { AssetRef } from './alarmEngine';

/** The asset kinds a rule may name (those placed one by one, with an id and a position). */
export const RULE_KINDS = ['rainGauge', 'waterGauge', 'weatherStation', 'underpass', 'waterloggingPoint', 'pumpStation', 'muckTruck'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * Per-asset threshold columns by kind, as the catalogue carries them (`thresholds` in each group):
 * a water gauge's own warning and danger lines (m), a pump station's start and stop levels (m), a muck
 * truck's own corridor and dump radius (m).
 */
export const ASSET_THRESHOLD_NAMES: Record<RuleKind, readonly string[]> = {
  rainGauge: [],
  waterGauge: ['warning', 'danger'],
  weatherStation: [],
  underpass: [],
  waterloggingPoint: [],
  pumpStation: ['start', 'stop'],
  // Metres: a truck's own corridor either side of its route, and radius round its disposal site.
  muckTruck: ['corridor', 'dumpRadius'],
};

/** The assets of each kind a rule may watch, in slot order. */
export function ruleSitesOf(assets: CityAssets): Record<RuleKind, readonly AssetRef[]> {
  return {
    rainGauge: assets.rainGauges,
    waterGauge: assets.waterGauges,
    weatherStation: assets.weatherStations,
    underpass: assets.underpasses,
    waterloggingPoint: assets.waterloggingPoints,
    pumpStation: assets.pumpStations,
    muckTruck: assets.muckTrucks,
  };
}

/** Each asset's own line of the named column, by slot (NaN where an asset has none). */
export function assetThresholdColumn(assets: CityAssets, kind: RuleKind, name: string): ArrayLike<number> | undefined {
  if (kind === 'waterGauge' && (name === 'warning' || name === 'danger')) return assets.waterGauges.map((g) => g[name]);
  if (kind === 'pumpStation' && name === 'start') return assets.pumpStations.map((p) => p.startLevel);
  if (kind === 'pumpStation' && name === 'stop') return assets.pumpStations.map((p) => p.stopLevel);
  if (kind === 'muckTruck' && name === 'corridor') return assets.muckTrucks.map((t) => t.corridorM ?? NaN);
  if (kind === 'muckTruck' && name === 'dumpRadius') return assets.muckTrucks.map((t) => t.dumpRadiusM ?? NaN);
  return undefined;
}
