/**
 * The city's weather for the header: mean temperature and wind over the reporting stations whose
 * readings are current (pure). Only when every station's reading is old does it fall back on those,
 * and says so.
 */

/** Mean of the finite values (but those marked in `skip`); NaN when none is. */
export function finiteMean(values: ArrayLike<number>, skip?: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && !skip?.[i]) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : NaN;
}

/** Beaufort force of a mean wind speed in m/s (upper bounds of forces 0–11 per the WMO scale). */
const BEAUFORT_UPPER = [0.2, 1.5, 3.3, 5.4, 7.9, 10.7, 13.8, 17.1, 20.7, 24.4, 28.4, 32.6];

export function beaufortOf(ms: number): number {
  if (!Number.isFinite(ms)) return NaN;
  const i = BEAUFORT_UPPER.findIndex((upper) => ms <= upper + 0.05);
  return i < 0 ? 12 : i;
}

export interface WeatherSummary {
  tempC: number;
  windMs: number;
  beaufort: number;
  /** From stale readings only: no station's reading is current. */
  stale: boolean;
}

/** Which station readings are stale (1 per slot; the live store's marks), per channel. */
export interface WeatherStale {
  temp?: ArrayLike<number>;
  wind?: ArrayLike<number>;
}

export function weatherSummary(temp: ArrayLike<number> | undefined, wind: ArrayLike<number> | undefined, stale: WeatherStale = {}): WeatherSummary | null {
  if (!temp || !wind) return null;
  const tempC = finiteMean(temp, stale.temp);
  const windMs = finiteMean(wind, stale.wind);
  if (Number.isFinite(tempC) || Number.isFinite(windMs)) return { tempC, windMs, beaufort: beaufortOf(windMs), stale: false };
  const oldTemp = finiteMean(temp);
  const oldWind = finiteMean(wind);
  if (!Number.isFinite(oldTemp) && !Number.isFinite(oldWind)) return null;
  return { tempC: oldTemp, windMs: oldWind, beaufort: beaufortOf(oldWind), stale: true };
}
