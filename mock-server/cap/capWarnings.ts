/**
 * The CAP warnings in force on the wall, a stage of the city beside the warning office: what the
 * warning book records becomes city events — an alert in force is issued, the alerts an Update or
 * Cancel ends are cancelled, one whose `expires` passes (on the city's clock) is cancelled by the
 * tick — so every screen sees them as it sees the office's. A rebuilt city restores them from storage.
 */
import type { CityEvent } from '../../src/protocol/cityEvents';
import type { WeatherWarning } from '../../src/protocol/weatherWarnings';
import { capExpiresMs } from './capAlert';
import { capWarningOf } from './capWarning';
import type { StoredWarning } from './warningStore';

/** Moves a [lon, lat] from CAP's WGS 84 into the datum the map is drawn in (assets/datum.ts). */
export type ToBasemap = (lon: number, lat: number) => [number, number];

export class CapWarnings {
  private readonly byKey = new Map<string, WeatherWarning>();

  /** `toBasemap`: CAP areas are WGS 84; the wall draws them in the basemap's datum (default: no change). */
  constructor(
    private readonly cityNow: () => number,
    private readonly announce: (event: CityEvent) => void,
    private readonly toBasemap: ToBasemap | null = null,
  ) {}

  /** The warnings in force (a snapshot's share). */
  active(): WeatherWarning[] {
    return [...this.byKey.values()];
  }

  /** Takes the stored active warnings back in, with no event (the snapshot carries them). */
  restore(stored: readonly StoredWarning[]): void {
    for (const w of stored) if (w.state === 'active') this.byKey.set(w.key, this.shownOf(w));
  }

  /** The book recorded `warning` (its times on the city's clock, warningBook.ts) and ended the keys in `ended`. */
  recorded(warning: Omit<StoredWarning, 'seq'>, ended: readonly string[]): void {
    for (const key of ended) this.end(key, this.cityNow());
    if (warning.state !== 'active' || (warning.expiresAt !== null && warning.expiresAt <= warning.receivedAt)) return;
    const shown = this.shownOf(warning);
    this.byKey.set(warning.key, shown);
    this.announce({ type: 'warning', warning: shown });
  }

  /** Ends the warnings whose expiry has come by `now` (city time); returns their events. */
  expire(now: number): CityEvent[] {
    const events: CityEvent[] = [];
    for (const [key, w] of this.byKey) if (w.expiresAt <= now) events.push(this.cancelled(key, w, now));
    return events;
  }

  /**
   * The book keeps received and expires on the city's clock already (warningBook.ts); the alert's own
   * times (effective) move by the shift the book gave its expires (none for the office's alerts, or
   * with the simulator off; unknown without expires, then none). Areas go into the basemap's datum.
   */
  private shownOf(w: Omit<StoredWarning, 'seq'>): WeatherWarning {
    const sent = capExpiresMs(w.alert);
    const shift = w.expiresAt === null || sent === null ? 0 : w.expiresAt - sent;
    const wall = (ms: number | null) => (ms === null ? null : ms - shift);
    const shown = capWarningOf(w.key, w.alert, wall(w.receivedAt)!, wall(w.expiresAt), { cityNow: w.receivedAt, wallNow: w.receivedAt - shift });
    const move = this.toBasemap;
    if (move === null || !shown.areas) return shown;
    const areas = shown.areas.map((a) => ({ ...a, polygons: a.polygons.map((ring) => ring.map(([lon, lat]) => move(lon, lat))), circles: a.circles.map((c) => ({ ...c, center: move(c.center[0], c.center[1]) })) }));
    return { ...shown, areas };
  }

  private end(key: string, now: number): void {
    const w = this.byKey.get(key);
    if (w) this.announce(this.cancelled(key, w, now));
  }

  private cancelled(key: string, w: WeatherWarning, now: number): CityEvent {
    this.byKey.delete(key);
    return { type: 'warning', warning: { ...w, state: 'cancelled', expiresAt: Math.min(w.expiresAt, now) } };
  }
}
