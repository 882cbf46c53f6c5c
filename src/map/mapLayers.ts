/**
 * The map's switchable layers, bottom to top, as the layer switcher lists them. Pure constants (no
 * deck.gl), so stores and panels can name layers without importing the map.
 */
export const MAP_LAYERS = [
  'districts',
  'roads',
  'compounds',
  'elevators',
  'rainField',
  'warningAreas',
  'rainGauges',
  'waterGauges',
  'pumps',
  'underpasses',
  'waterlogging',
  'videoPoints',
  'evacuationPoints',
  'healthSites',
  'closures',
  'teams',
  'muckTrucks',
  'incidents',
] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

/** What a fresh wall screen shows. */
export const DEFAULT_VISIBLE: Record<MapLayerId, boolean> = {
  districts: true,
  roads: true,
  // The static kinds show only zoomed in (src/protocol/kindSpecs.ts), so on by default.
  compounds: true,
  elevators: true,
  rainField: true,
  // A weather warning's area is drawn whenever one is in force, as the header and ticker show it.
  warningAreas: true,
  rainGauges: true,
  waterGauges: true,
  pumps: true,
  underpasses: true,
  waterlogging: true,
  videoPoints: true,
  evacuationPoints: true,
  healthSites: true,
  closures: true,
  teams: true,
  muckTrucks: true,
  incidents: true,
};
