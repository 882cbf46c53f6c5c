/** How old a figure is, as an i18n key under `age.` and its number. */
export interface AgeText {
  key: 'justNow' | 'seconds' | 'minutes' | 'hours' | 'never';
  n: number;
}

export function ageText(since: number | null | undefined, now: number): AgeText {
  if (since == null) return { key: 'never', n: 0 };
  const s = Math.max(0, Math.floor((now - since) / 1000));
  if (s < 2) return { key: 'justNow', n: 0 };
  if (s < 60) return { key: 'seconds', n: s };
  if (s < 3600) return { key: 'minutes', n: Math.floor(s / 60) };
  return { key: 'hours', n: Math.floor(s / 3600) };
}
