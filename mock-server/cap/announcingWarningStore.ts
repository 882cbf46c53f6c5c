/**
 * The warning store the book writes through on a live server: each record is also handed to the
 * city in force (its CapWarnings stage), under the city holder's shared hold, so a registry swap
 * never falls between the write and the city: a swap either waits for it or restores it from storage.
 */
import type { StoredWarning, WarningStore } from './warningStore';

export interface AnnouncingDeps {
  /** Runs `fn` while no city swap is under way (CityHolder.hold.shared). */
  shared<T>(fn: () => Promise<T>): Promise<T>;
  /** The city in force takes the record in (CapWarnings.recorded). */
  recorded(warning: Omit<StoredWarning, 'seq'>, ended: readonly string[]): void;
}

/** `store`, with every stored record handed to `deps.recorded`. */
export function announcingWarningStore(store: WarningStore, deps: AnnouncingDeps): WarningStore {
  return {
    get: (key) => store.get(key),
    list: (filter) => store.list(filter),
    record: (warning, end) =>
      deps.shared(async () => {
        const result = await store.record(warning, end);
        if (result.stored) deps.recorded(warning, result.ended);
        return result;
      }),
  };
}
