/**
 * Whether this machine draws the map fast enough to animate it. Gliding teams and a pulsing incident
 * ring redraw every layer on every frame; where one draw holds the page's main thread for longer than
 * a budget (software WebGL, or a 4K wall of 50,000 roads on a weak GPU) the animation is not smooth
 * anyway, and it keeps the page too busy to take the next live frame on time. After enough slow draws
 * the map stops animating for the session — teams jump to their new positions, urgent incidents keep
 * a steady ring — and redraws only when the data changes.
 */
export const SLOW_DRAW_MS = 40;
const SAMPLES = 9;

export class RenderCostGate {
  private readonly draws: number[] = [];
  private started = NaN;
  /** True once the median of the last draws is over the budget; stays true. */
  slow = false;

  constructor(
    private readonly budgetMs: number = SLOW_DRAW_MS,
    private readonly samples: number = SAMPLES,
  ) {}

  beforeDraw(now: number): void {
    this.started = now;
  }

  /** Returns true when this draw tipped the map into the slow state. */
  afterDraw(now: number): boolean {
    if (this.slow || Number.isNaN(this.started)) return false;
    this.draws.push(now - this.started);
    this.started = NaN;
    if (this.draws.length > this.samples) this.draws.shift();
    if (this.draws.length < this.samples) return false;
    const median = [...this.draws].sort((a, b) => a - b)[Math.floor(this.samples / 2)];
    this.slow = median > this.budgetMs;
    return this.slow;
  }
}
