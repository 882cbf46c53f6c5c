/**
 * Holds the running city part (cityRuntime.ts) and swaps it when the asset registry changes — by the
 * admin route or by `npm run assets -- import` on the same data directory, which the server notices
 * by reading the registry's digest (server.ts) — so open screens get the new catalogue without a
 * reload. Everything that serves the city (the hub, the gates, the routes, the ticker) reads it
 * through here at the moment it acts, never a value captured at start.
 *
 * A swap is a restart of the city part alone, by the same steps as the start: it runs in the
 * work-order queue, so no tick or command is halfway through (each already commits what must last:
 * incidents, audit and alarms on commit, history on its minute), and under the gates' hold, so no
 * reading is between its check and the city. Then the city is rebuilt from the registry and the
 * stores, with the clock going on from where it stood, and swapped in at once; the hub then sends
 * every socket the new catalogue and a snapshot of it.
 */
import type { RegistryState } from '../assets/assetRecord';
import { buildCityRuntime, type CityRuntime, type CityRuntimeParts } from './cityRuntime';
import { SwapHold } from './swapHold';

/** What a registry check did. */
export interface RegistrySync {
  /** The city was rebuilt from a changed registry. */
  changed: boolean;
  /** The catalogue version in force now. */
  catalogVersion: string;
  /** The one before (equal to catalogVersion when nothing changed). */
  previousCatalogVersion: string;
}

export class CityHolder {
  /** The ingest and position gates run their batches in it; a swap holds them. */
  readonly hold = new SwapHold();
  private readonly listeners: ((now: CityRuntime, before: CityRuntime) => void)[] = [];
  /** The digest of the last registry the city could not be built from. */
  private failedDigest: string | null = null;

  private constructor(
    private readonly parts: CityRuntimeParts,
    private runtime: CityRuntime,
  ) {}

  /** Builds the city part for the start. */
  static async start(parts: CityRuntimeParts): Promise<CityHolder> {
    return new CityHolder(parts, await buildCityRuntime(parts));
  }

  /** The city part in force now. */
  get current(): CityRuntime {
    return this.runtime;
  }

  /** Called right after each swap, inside it (the hub greets every socket anew). */
  onChange(listener: (now: CityRuntime, before: CityRuntime) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Rebuilds the city when the registry's digest is no longer the one it was built from. Throws
   * what the build threw (e.g. the rules file names an asset the registry no longer has); the city
   * in force then stays. With `retryFailed` false a registry that failed before is not tried again
   * (the watch of server.ts would otherwise rebuild in vain every time it looks).
   */
  async syncRegistry(retryFailed = true): Promise<RegistrySync> {
    const unchanged = (): RegistrySync => {
      const { version } = this.runtime.feed.catalog;
      return { changed: false, catalogVersion: version, previousCatalogVersion: version };
    };
    const stale = (state: RegistryState | null): state is RegistryState =>
      state !== null && state.digest !== this.runtime.registryDigest && (retryFailed || state.digest !== this.failedDigest);
    // Read outside the queue first: the watch looks every few seconds and must not hold up the ticks.
    if (!stale(await this.parts.registry.state())) return unchanged();
    return this.parts.queue.run(() =>
      this.hold.exclusive(async () => {
        const before = this.runtime;
        const state = await this.parts.registry.state();
        if (!stale(state)) return unchanged();
        const next = await buildCityRuntime(this.parts, before).catch((err: unknown) => {
          this.failedDigest = state.digest;
          throw err;
        });
        this.runtime = next;
        for (const listener of this.listeners) listener(next, before);
        return { changed: true, catalogVersion: next.feed.catalog.version, previousCatalogVersion: before.feed.catalog.version };
      }),
    );
  }
}
