/**
 * What alarm rules can watch: the asset kinds the engine can locate (id, position, district per
 * slot), and the per-asset threshold columns each kind carries. A rules file names a kind from
 * here; a level names a threshold column to take each asset's own line over the rule's default.
 */
import type { CityAssets } from '../city/assets';
import type { AssetRef } from './alarmEngine';

/** The asset kinds a rule may name (those placed one by one, with an id and a position). */
export const RULE_KINDS = ['rainGauge', 'waterGauge', 'weatherStation', 'underpass', 'waterloggingPoint', 'pumpStation'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * Per-asset threshold columns by kind, as the catalogue carries them (`thresholds` in each group):
 * a water gauge's own warning and danger lines (m), a pump station's start and stop levels (m).
 */
export const ASSET_THRESHOLD_NAMES: Record<RuleKind, readonly string[]> = {
  rainGauge: [],
  waterGauge: ['warning', 'danger'],
  weatherStation: [],
  underpass: [],
  waterloggingPoint: [],
  pumpStation: ['start', 'stop'],
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
  };
}

/** Each asset's own line of the named column, by slot (NaN where an asset has none). */
export function assetThresholdColumn(assets: CityAssets, kind: RuleKind, name: string): ArrayLike<number> | undefined {
  if (kind === 'waterGauge' && (name === 'warning' || name === 'danger')) return assets.waterGauges.map((g) => g[name]);
  if (kind === 'pumpStation' && name === 'start') return assets.pumpStations.map((p) => p.startLevel);
  if (kind === 'pumpStation' && name === 'stop') return assets.pumpStations.map((p) => p.stopLevel);
  return undefined;
}
