/**
 * Names and codes the modelled streets of one district the way GB/T 10114 numbers real ones: 街道
 * 001–099, 镇 101–199, 乡 201–399. The regions nearest the city centre become the 街道 (Shanghai's
 * streets are its urban cores, its towns the suburbs), then the 镇, then the 乡.
 */
import type { DistrictProps } from '../city/cityGeo';
import type { StreetCounts } from './streetCounts';

export type StreetKind = 'street' | 'town' | 'township';

export interface Street {
  /** 9 digits: the district's 6 and the street's 3. */
  code: string;
  districtCode: string;
  kind: StreetKind;
  /** Modelled names: the district's name, the kind and an ordinal (no real street names are embedded). */
  nameZh: string;
  nameEn: string;
  cellCount: number;
}

const KINDS: readonly { kind: StreetKind; zh: string; en: string; first: number }[] = [
  { kind: 'street', zh: '街道', en: 'street', first: 1 },
  { kind: 'town', zh: '镇', en: 'town', first: 101 },
  { kind: 'township', zh: '乡', en: 'township', first: 201 },
];

/**
 * One street per seed ([col, row] pairs, in cells), in the seeds' order; `centre` is the city
 * centre's [col, row]. `cellCount` is left 0 for the caller.
 */
export function numberStreets(
  district: DistrictProps,
  counts: StreetCounts,
  seeds: Float64Array,
  centre: [number, number],
): Street[] {
  const n = seeds.length / 2;
  const byDistance = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.hypot(seeds[2 * a] - centre[0], seeds[2 * a + 1] - centre[1]) - Math.hypot(seeds[2 * b] - centre[0], seeds[2 * b + 1] - centre[1]),
  );
  const kindOfRank = [
    ...Array<number>(counts.streets).fill(0),
    ...Array<number>(counts.towns).fill(1),
    ...Array<number>(counts.townships).fill(2),
  ];
  const streets = new Array<Street>(n);
  const ordinal = [0, 0, 0];
  byDistance.forEach((seedIndex, rank) => {
    const k = kindOfRank[rank] ?? 0;
    const { kind, zh, en, first } = KINDS[k];
    const number = first + ordinal[k]++;
    const label = String(ordinal[k]).padStart(2, '0');
    streets[seedIndex] = {
      code: `${district.code}${String(number).padStart(3, '0')}`,
      districtCode: district.code,
      kind,
      nameZh: `${district.name}${zh}${label}`,
      nameEn: `${district.nameEn} ${en} ${label}`,
      cellCount: 0,
    };
  });
  return streets;
}
