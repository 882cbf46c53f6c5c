/**
 * The embedded offline basemap: districts, rivers and main roads from public/geo, drawn dark for a
 * control room. No tiles, glyphs or sprites are fetched from anywhere but this server.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';

export type MapLocale = 'zh-CN' | 'en';

export const THEME = {
  sea: '#040b16',
  land: '#0b1a2e',
  districtLine: '#2a5a8a',
  river: '#1e6bb0',
  ring: '#4a6f8f',
  expressway: '#36546f',
  label: '#8fb8de',
  labelHalo: '#040b16',
};

/**
 * The basemap layers the "districts" switch shows and hides: boundaries and names. The district
 * fill stays, as it is the land itself.
 */
export const DISTRICT_LAYER_IDS = ['district-line', 'district-label'] as const;

/** District label size: readable from across a control room, so it grows with the wall's layout scale. */
export function districtLabelSize(uiScale: number): ExpressionSpecification {
  const k = Math.max(1, uiScale * 2);
  return ['interpolate', ['linear'], ['zoom'], 8, 12 * k, 12, 18 * k];
}

export function buildBasemapStyle(origin: string, locale: MapLocale, uiScale = 0.5): StyleSpecification {
  const geo = (file: string) => new URL(`/geo/${file}`, origin).href;
  const nameField = locale === 'en' ? 'nameEn' : 'name';
  return {
    version: 8,
    name: 'CityOps offline dark',
    sources: {
      districts: { type: 'geojson', data: geo('shanghai-districts.geojson') },
      rivers: { type: 'geojson', data: geo('shanghai-rivers.geojson') },
      roads: { type: 'geojson', data: geo('shanghai-roads.geojson') },
      districtLabels: { type: 'geojson', data: geo('shanghai-district-labels.geojson') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': THEME.sea } },
      { id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': THEME.land } },
      {
        id: 'river-huangpu',
        type: 'line',
        source: 'rivers',
        filter: ['==', ['get', 'kind'], 'major'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': THEME.river, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 8, 3.5, 12, 14, 15, 80] },
      },
      {
        id: 'river-creek',
        type: 'line',
        source: 'rivers',
        filter: ['==', ['get', 'kind'], 'minor'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': THEME.river, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 8, 2, 12, 6, 15, 24] },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': THEME.districtLine, 'line-width': 1.2, 'line-dasharray': [3, 2] },
      },
      {
        id: 'roads-expressway',
        type: 'line',
        source: 'roads',
        filter: ['==', ['get', 'kind'], 'expressway'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': THEME.expressway, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 3] },
      },
      {
        id: 'roads-main',
        type: 'line',
        source: 'roads',
        filter: ['in', ['get', 'kind'], ['literal', ['ring', 'elevated']]],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': THEME.ring, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.4, 13, 4] },
      },
      {
        id: 'district-label',
        type: 'symbol',
        source: 'districtLabels',
        layout: {
          'text-field': ['get', nameField],
          'text-font': ['sans-serif'],
          'text-size': districtLabelSize(uiScale),
          'text-allow-overlap': false,
        },
        paint: { 'text-color': THEME.label, 'text-halo-color': THEME.labelHalo, 'text-halo-width': 1.5, 'text-opacity': 0.85 },
      },
    ],
  };
}
