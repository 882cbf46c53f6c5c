/**
 * The traffic performance index (0–10) and its bands, after the brief: 0–2 smooth, 2–4 basically
 * smooth, 4–6 light, 6–8 moderate, 8–10 severe congestion.
 */
export const CONGESTION_BANDS = [
  { id: 'free', min: 0, color: [34, 197, 94] },
  { id: 'light', min: 2, color: [250, 204, 21] },
  { id: 'moderate', min: 4, color: [249, 115, 22] },
  { id: 'heavy', min: 6, color: [239, 50, 50] },
  { id: 'severe', min: 8, color: [150, 16, 40] },
] as const satisfies readonly { id: string; min: number; color: readonly [number, number, number] }[];
export type CongestionBandId = (typeof CONGESTION_BANDS)[number]['id'];

/** Band index of a congestion index; -1 for no data. */
export function congestionBandOf(index: number): number {
  if (!(index >= 0)) return Number.isNaN(index) ? -1 : 0;
  return index >= 8 ? 4 : index >= 6 ? 3 : index >= 4 ? 2 : index >= 2 ? 1 : 0;
}

/**
 * The city-wide index: segment indices weighted by length, one decimal. Segments with no data (NaN)
 * and those `stale` marks 1 (a reading too old to stand, src/shared/readingAge.ts) are left out, so
 * old readings neither hold the index up nor pull it down; with none left it is NaN, no data, not 0.
 */
export function cityCongestionIndexOf(index: ArrayLike<number>, lengthKm: ArrayLike<number>, stale?: ArrayLike<number>): number {
  let sum = 0;
  let km = 0;
  for (let s = 0; s < index.length; s++) {
    if (!Number.isFinite(index[s]) || stale?.[s] === 1) continue;
    sum += index[s] * lengthKm[s];
    km += lengthKm[s];
  }
  return km > 0 ? Math.round((sum / km) * 10) / 10 : NaN;
}
