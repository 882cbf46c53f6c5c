/** Fixed-capacity series of (time, value) samples in typed arrays: live charts never grow without bound. */
export class RingSeries {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(time: number, value: number): void {
    const at = (this.start + this.size) % this.capacity;
    this.times[at] = time;
    this.values[at] = value;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  toPairs(): [number, number][] {
    const out: [number, number][] = new Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const i = (this.start + k) % this.capacity;
      out[k] = [this.times[i], this.values[i]];
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }
}
