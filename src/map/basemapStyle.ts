/**
 * The embedded offline basemap: districts, rivers and main roads from public/geo, drawn dark for a
 * control room. No tiles, glyphs or sprites are fetched from anywhere but this server.
 */
import type { StyleSpecification } from 'maplibre-gl';

export type MapLocale = 'zh-CN' | 'en';

export const THEME = {
  sea: '#040b16',
  land: '#0b1a2e',
  districtLine: '#2a5a8a',
  river: '#1c4f7f',
  ring: '#3a6f9a',
  expressway: '#2f5d85',
  label: '#8fb8de',
  labelHalo: '#040b16',
};

export function buildBasemapStyle(origin: string, locale: MapLocale): StyleSpecification {
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
        paint: { 'line-color': THEME.river, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 8, 2.5, 12, 10, 15, 60] },
      },
      {
        id: 'river-creek',
        type: 'line',
        source: 'rivers',
        filter: ['==', ['get', 'kind'], 'minor'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': THEME.river, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 8, 1.2, 12, 4, 15, 20] },
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
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 12, 18],
          'text-allow-overlap': false,
        },
        paint: { 'text-color': THEME.label, 'text-halo-color': THEME.labelHalo, 'text-halo-width': 1.5, 'text-opacity': 0.85 },
      },
    ],
  };
}
