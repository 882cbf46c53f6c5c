/** Asset kinds carried on the live feed. The slot order of each kind is fixed for a catalogue version. */
export const ASSET_KINDS = [
  'rainGauge',
  'waterGauge',
  'weatherStation',
  'underpass',
  'waterloggingPoint',
  'pumpStation',
  'roadSegment',
  'team',
  'elevator',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
