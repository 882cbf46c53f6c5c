/** Shared helpers for placing sites: random land points, and ids and names in district order. */
import type { Rng } from '../simulator/rng';
import type { CityAssets, Site } from './assets';
import type { DistrictLocator } from './districtLocator';
import { toKm } from './localProjection';

export const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A random point on land. `centreWeight` 0 is uniform; towards 1 the density falls off from People's
 * Square with a 15 km scale, as monitoring networks are densest in the old centre.
 */
export function sampleLand(rng: Rng, locator: DistrictLocator, centreWeight: number): [number, number, number] {
  const [west, south, east, north] = locator.bounds;
  for (;;) {
    const lon = rng.range(west, east);
    const lat = rng.range(south, north);
    const [x, y] = toKm(lon, lat);
    const accept = 1 - centreWeight + centreWeight * Math.exp(-(x * x + y * y) / (2 * 15 * 15));
    if (rng.next() > accept) continue;
    const district = locator.indexAt(lon, lat);
    if (district >= 0) return [round5(lon), round5(lat), district];
  }
}

/** Sorts by district then west→east and numbers within each district, so ids and names read in order. */
export function nameByDistrict<T extends Site>(
  sites: Omit<T, 'id' | 'name' | 'nameEn'>[],
  districts: CityAssets['districts'],
  prefix: string,
  label: { zh: string; en: string },
): T[] {
  const sorted = [...sites].sort((a, b) => a.district - b.district || a.lon - b.lon);
  const perDistrict = new Map<number, number>();
  return sorted.map((site, i) => {
    const n = (perDistrict.get(site.district) ?? 0) + 1;
    perDistrict.set(site.district, n);
    const d = districts[site.district];
    return {
      ...site,
      id: `${prefix}-${pad(i + 1, 4)}`,
      name: `${d.name}${label.zh}${pad(n, 2)}`,
      nameEn: `${d.nameEn} ${label.en} ${pad(n, 2)}`,
    } as T;
  });
}
