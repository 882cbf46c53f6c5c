/**
 * Notices a registry change made outside the server — `npm run assets -- import` on its data
 * directory — by reading the registry's digest every REGISTRY_POLL_MS, and takes it as one by the
 * admin route (cityHolder.ts). A registry the city cannot be built from is logged once; the city in
 * force stays. Started by server.ts (app.ts starts no timers).
 */
import type { CityHolder } from './cityHolder';

/** How often the registry is read (one small SELECT); the CLI names it in its answer. */
export const REGISTRY_POLL_MS = 2000;

interface Logger {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** Starts the watch; returns its stop. */
export function watchRegistry(cities: Pick<CityHolder, 'syncRegistry'>, log: Logger, everyMs = REGISTRY_POLL_MS): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    cities
      .syncRegistry(false)
      .then(
        (sync) => {
          if (sync.changed) log.info(sync, 'asset registry changed: the city now runs its new catalogue');
        },
        (err: unknown) => log.error({ err }, 'asset registry changed, but the city cannot be built from it; the city in force stays'),
      )
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
