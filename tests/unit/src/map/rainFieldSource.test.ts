import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRainFieldGrid, paintRainField } from '@/map/rainField';
import { inlineRainField, workerRainField, type RainFieldRequest } from '@/map/rainFieldSource';

const gauges = Float32Array.from([121.4, 31.2, 121.45, 31.2, 121.42, 31.24]);

/** Stands in for the browser's Worker: records what the page posts, answers when told. */
class FakeWorker {
  static last: FakeWorker | null = null;
  posted: { msg: RainFieldRequest; transfer: Transferable[] }[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly grid = buildRainFieldGrid(gauges);
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: RainFieldRequest, transfer: Transferable[] = []) {
    this.posted.push({ msg, transfer });
  }
  /** Paints the oldest unanswered readings, as the real worker does. */
  answer(rain: Float32Array) {
    const reply = paintRainField(this.grid, rain, new Float32Array(this.grid.width * this.grid.height));
    this.onmessage?.({ data: reply } as MessageEvent);
  }
  terminate() {
    this.terminated = true;
  }
  get rains() {
    return this.posted.flatMap((p) => (p.msg.type === 'rain' ? [Array.from(p.msg.rain)] : []));
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('rain field source', () => {
  it('paints at once on this thread when inline, a new version per submit', () => {
    const source = inlineRainField(gauges);
    expect(source.picture).toBeNull();
    source.submit([5, 10, 20]);
    expect(source.version).toBe(1);
    const { pixels, width, height, bounds } = source.picture!;
    expect(pixels.length).toBe(width * height * 4);
    expect(bounds[0]).toBeLessThan(121.4);
    // Some cell is coloured, and a dry city paints nothing.
    expect(Array.from(pixels).some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
    source.submit([0, 0, 0]);
    expect(Array.from(source.picture!.pixels).every((v, i) => i % 4 !== 3 || v === 0)).toBe(true);
    expect(source.version).toBe(2);
  });

  it('sends the gauges once, then coalesces readings while the worker is busy: the newest wins, never a queue', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ready = vi.fn();
    const source = workerRainField(gauges, ready);
    const worker = FakeWorker.last!;
    expect(worker.posted[0].msg).toMatchObject({ type: 'gauges' });

    const live = Float32Array.from([1, 2, 3]);
    source.submit(live);
    // The live array changes in place after the submit: what was sent is a copy, handed over (transferred).
    live[0] = 99;
    source.submit([4, 5, 6]);
    source.submit([7, 8, 9]);
    expect(worker.rains).toEqual([[1, 2, 3]]);
    expect(worker.posted[1].transfer).toHaveLength(1);
    expect(source.picture).toBeNull();

    worker.answer(Float32Array.from([1, 2, 3]));
    expect(ready).toHaveBeenCalledTimes(1);
    expect(source.version).toBe(1);
    expect(source.picture?.width).toBeGreaterThan(0);
    // The skipped readings were dropped; only the newest went on.
    expect(worker.rains).toEqual([
      [1, 2, 3],
      [7, 8, 9],
    ]);
    worker.answer(Float32Array.from([7, 8, 9]));
    expect(source.version).toBe(2);
    source.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('paints the newest readings inline when the worker fails after starting, and from then on', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ready = vi.fn();
    const source = workerRainField(gauges, ready);
    const worker = FakeWorker.last!;
    source.submit([1, 2, 3]);
    source.submit([30, 30, 30]);
    worker.onerror?.({ message: 'module failed to load' } as ErrorEvent);
    expect(worker.terminated).toBe(true);
    expect(error).toHaveBeenCalled();
    expect(ready).toHaveBeenCalledTimes(1);
    expect(source.version).toBe(1);
    const wet = Array.from(source.picture!.pixels).filter((v, i) => i % 4 === 3 && v > 0).length;
    expect(wet).toBeGreaterThan(0);
    // Later readings are painted at once on this thread; nothing more goes to the dead worker.
    const sent = worker.posted.length;
    source.submit([0, 0, 0]);
    expect(source.version).toBe(2);
    expect(Array.from(source.picture!.pixels).every((v, i) => i % 4 !== 3 || v === 0)).toBe(true);
    expect(worker.posted).toHaveLength(sent);
    error.mockRestore();
  });

  it('falls back to painting inline where no worker starts', () => {
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new Error('workers are disabled');
      }
    });
    const source = workerRainField(gauges, () => {});
    source.submit([5, 10, 20]);
    expect(source.version).toBe(1);
  });
});
