/**
 * Rain gauges over land, denser in the centre where the network is; water-level gauges along the
 * Huangpu (tidal, with the published warning lines), Suzhou Creek (gated) and inland rivers.
 */
import type { Rng } from '../simulator/rng';
import type { CityAssets, RainGauge, WaterGauge } from './assets';
import type { CityGeo } from './cityGeo';
import type { DistrictLocator } from './districtLocator';
import { fractionNearest, pointAlong } from './polyline';
import { nameByDistrict, pad, round5, sampleLand } from './siteSampling';

/** Real stations with their published warning levels (../shared/BRIEF.md). */
const NAMED_TIDAL_STATIONS = [
  { name: '吴淞口', nameEn: 'Wusongkou', lon: 121.506, lat: 31.392, warning: 4.8 },
  { name: '黄浦公园', nameEn: 'Huangpu Park', lon: 121.492, lat: 31.243, warning: 4.55 },
  { name: '米市渡', nameEn: 'Mishidu', lon: 121.241, lat: 30.976, warning: 3.5 },
] as const;

const HUANGPU_GAUGES = 15;
const SUZHOU_CREEK_GAUGES = 10;
/** Danger line above the warning line, metres. */
const DANGER_ABOVE_WARNING = 0.5;

export function placeWaterGauges(
  geo: CityGeo,
  rng: Rng,
  locator: DistrictLocator,
  districts: CityAssets['districts'],
  total: number,
): WaterGauge[] {
  const huangpu = geo.rivers.find((r) => r.properties.id === 'huangpu')!.geometry.coordinates;
  const creek = geo.rivers.find((r) => r.properties.id === 'suzhou-creek')!.geometry.coordinates;
  // Gauges on a river's centreline can fall just outside every district polygon.
  const districtOf = (lon: number, lat: number) => locator.indexOrNearest(lon, lat);
  const named = NAMED_TIDAL_STATIONS.map((s) => ({ ...s, at: fractionNearest(huangpu, [s.lon, s.lat]) }));
  // Warning lines between the named stations are interpolated along the river.
  const warningAt = (f: number) => {
    const knots = [...named.map((s) => [s.at, s.warning] as const), [1, 3.4] as const];
    let prev: readonly [number, number] = knots[0];
    for (const k of knots) {
      if (f <= k[0]) return prev[1] + ((k[1] - prev[1]) * (f - prev[0])) / (k[0] - prev[0] || 1);
      prev = k;
    }
    return prev[1];
  };
  const tidal = (lon: number, lat: number, f: number, name: string, nameEn: string, n: number): WaterGauge => {
    const warning = Math.round(warningAt(f) * 100) / 100;
    return {
      id: `WL-H${pad(n, 2)}`,
      name,
      nameEn,
      district: districtOf(lon, lat),
      lon: round5(lon),
      lat: round5(lat),
      regime: 'tidal',
      meanLevel: 2.3 + 0.3 * f,
      tideAmplitude: 1.45 - 0.9 * f,
      tideLagHours: 2.5 * f,
      warning,
      danger: warning + DANGER_ABOVE_WARNING,
    };
  };

  const gauges: WaterGauge[] = named.map((s, i) => tidal(s.lon, s.lat, s.at, s.name, s.nameEn, i + 1));
  for (let k = 0; gauges.length < HUANGPU_GAUGES; k++) {
    const f = (k + 0.5) / (HUANGPU_GAUGES - named.length);
    const [lon, lat] = pointAlong(huangpu, f);
    const n = gauges.length + 1;
    gauges.push(tidal(lon, lat, f, `黄浦江${pad(n, 2)}号`, `Huangpu River gauge ${pad(n, 2)}`, n));
  }
  for (let k = 0; k < SUZHOU_CREEK_GAUGES; k++) {
    const [lon, lat] = pointAlong(creek, (k + 0.5) / SUZHOU_CREEK_GAUGES);
    const warning = Math.round(rng.range(3.7, 4.0) * 100) / 100;
    gauges.push({
      id: `WL-S${pad(k + 1, 2)}`,
      name: `苏州河${pad(k + 1, 2)}号`,
      nameEn: `Suzhou Creek gauge ${pad(k + 1, 2)}`,
      district: districtOf(lon, lat),
      lon: round5(lon),
      lat: round5(lat),
      regime: 'creek',
      meanLevel: 2.8,
      tideAmplitude: 0.15,
      tideLagHours: 1,
      warning,
      danger: warning + DANGER_ABOVE_WARNING,
    });
  }
  const inlandSites = Array.from({ length: Math.max(0, total - gauges.length) }, () => {
    const [lon, lat, district] = sampleLand(rng, locator, 0.3);
    const meanLevel = Math.round(rng.range(2.6, 3.1) * 100) / 100;
    const warning = Math.round((meanLevel + rng.range(0.5, 0.8)) * 100) / 100;
    return {
      lon,
      lat,
      district,
      regime: 'inland' as const,
      meanLevel,
      tideAmplitude: 0,
      tideLagHours: 0,
      warning,
      danger: warning + DANGER_ABOVE_WARNING,
    };
  });
  const inland = nameByDistrict<WaterGauge>(inlandSites, districts, 'WL', { zh: '河道水位', en: 'river gauge' });
  return [...gauges, ...inland].slice(0, total);
}


export function placeRainGauges(rng: Rng, locator: DistrictLocator, districts: CityAssets['districts'], count: number): RainGauge[] {
  const sites = Array.from({ length: count }, () => {
    const [lon, lat, district] = sampleLand(rng, locator, 0.8);
    return { lon, lat, district };
  });
  return nameByDistrict<RainGauge>(sites, districts, 'RG', { zh: '雨量站', en: 'rain gauge' });
}
