/**
 * Kinds with no live channel (issue 15: the seeds' health sites, evacuation points, video points and
 * residential compounds): placed once, drawn and described from the catalogue alone. What each one
 * is (its layer, legend, detail-card fields) is declared in ./kindSpecs.ts.
 */
export const STATIC_KINDS = ['healthSite', 'evacuationPoint', 'videoPoint', 'residentialCompound'] as const;
export type StaticKind = (typeof STATIC_KINDS)[number];

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
  'muckTruck',
  ...STATIC_KINDS,
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
