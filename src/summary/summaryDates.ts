/** Which day the report opens on, and the day before / after (Shanghai calendar days). */
import { shanghaiDate, shanghaiDayStart } from '@/protocol/summary';

const DAY_MS = 86_400_000;

/** `date` moved by `days` calendar days, or null when `date` is not a date. */
export function shiftDate(date: string, days: number): string | null {
  const start = shanghaiDayStart(date);
  return start === null ? null : shanghaiDate(start + days * DAY_MS);
}

/**
 * The newest complete day: the newest date with data before the simulated clock's today (today is
 * still running), else the newest with data; with no data at all, yesterday by the simulated clock.
 */
export function defaultDate(days: readonly string[], now: number): string {
  const today = shanghaiDate(now);
  const complete = days.filter((d) => d < today).sort().reverse();
  if (complete.length) return complete[0];
  if (days.length) return [...days].sort().reverse()[0];
  return shanghaiDate(now - DAY_MS);
}
