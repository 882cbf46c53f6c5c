/** How old a figure is, as an i18n key under `age.` and its number. */
export interface AgeText {
  key: 'justNow' | 'seconds' | 'minutes' | 'hours' | 'days' | 'never';
  n: number;
}

/** How long ago `since` was at `now` (both client ms); null: never. */
export function ageText(since: number | null | undefined, now: number): AgeText {
  if (since == null) return { key: 'never', n: 0 };
  const s = Math.max(0, Math.floor((now - since) / 1000));
  if (s < 2) return { key: 'justNow', n: 0 };
  if (s < 60) return { key: 'seconds', n: s };
  if (s < 3600) return { key: 'minutes', n: Math.floor(s / 60) };
  // A sensor silent since last week reads "8 days ago", not "192 hours ago".
  if (s < 48 * 3600) return { key: 'hours', n: Math.floor(s / 3600) };
  return { key: 'days', n: Math.floor(s / 86_400) };
}
