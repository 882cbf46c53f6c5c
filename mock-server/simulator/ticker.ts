/** The one timer that drives the simulation; everything else is called from here or from requests. */
export interface Ticker {
  stop(): void;
  /** Starts the timer again after a stop (an operator's pause; the readiness test's stalled tick). */
  resume(): void;
  readonly running: boolean;
}

export function startTicker(intervalMs: number, onTick: () => void, onError: (err: unknown) => void): Ticker {
  const tick = () => {
    try {
      onTick();
    } catch (err) {
      onError(err);
    }
  };
  let timer: ReturnType<typeof setInterval> | null = setInterval(tick, intervalMs);
  return {
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    resume() {
      timer ??= setInterval(tick, intervalMs);
    },
    get running() {
      return timer !== null;
    },
  };
}
