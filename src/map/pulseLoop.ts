/**
 * The incident pulse: a requestAnimationFrame loop that runs only while asked to (P1/P2 incidents
 * on a visible layer, motion allowed) and reports a phase 0–1 at about 25 frames a second. What it
 * drives is one small prop; the map rebuilds nothing else per frame.
 */
export interface PulseLoopOptions {
  onPhase: (phase: number) => void;
  periodMs?: number;
  frameMs?: number;
  raf?: (cb: FrameRequestCallback) => number;
  caf?: (handle: number) => void;
}

export class PulseLoop {
  private handle: number | null = null;
  private last = -Infinity;
  private readonly periodMs: number;
  private readonly frameMs: number;
  private readonly raf: (cb: FrameRequestCallback) => number;
  private readonly caf: (handle: number) => void;

  constructor(private readonly options: PulseLoopOptions) {
    this.periodMs = options.periodMs ?? 1400;
    this.frameMs = options.frameMs ?? 40;
    this.raf = options.raf ?? ((cb) => requestAnimationFrame(cb));
    this.caf = options.caf ?? ((h) => cancelAnimationFrame(h));
  }

  get running(): boolean {
    return this.handle !== null;
  }

  /** Starts or stops the loop; stopping puts the pulse at rest (phase 0). */
  set(on: boolean): void {
    if (on && this.handle === null) {
      this.handle = this.raf(this.tick);
    } else if (!on && this.handle !== null) {
      this.caf(this.handle);
      this.handle = null;
      this.last = -Infinity;
      this.options.onPhase(0);
    }
  }

  private tick = (time: number): void => {
    this.handle = this.raf(this.tick);
    if (time - this.last < this.frameMs) return;
    this.last = time;
    this.options.onPhase((time % this.periodMs) / this.periodMs);
  };
}
