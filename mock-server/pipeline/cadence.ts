/**
 * A stage that runs once per period of source time, counted from the source's start: at
 * start + k·period, or at the first moment past it when a source's moments do not fall on it.
 */
export class Cadence {
  private last = 0;

  constructor(
    private readonly periodMs: number,
    private readonly startMs: number,
  ) {}

  /** Whether a new period has begun at `timeMs` (true once per period). */
  due(timeMs: number): boolean {
    const period = Math.floor((timeMs - this.startMs) / this.periodMs);
    if (period <= this.last) return false;
    this.last = period;
    return true;
  }
}
