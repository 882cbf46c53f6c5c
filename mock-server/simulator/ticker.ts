/** The one timer that drives the simulation; everything else is called from here or from requests. */
export interface Ticker {
  stop(): void;
  readonly running: boolean;
}

export function startTicker(intervalMs: number, onTick: () => void, onError: (err: unknown) => void): Ticker {
  let running = true;
  const timer = setInterval(() => {
    try {
      onTick();
    } catch (err) {
      onError(err);
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      running = false;
    },
    get running() {
      return running;
    },
  };
}
