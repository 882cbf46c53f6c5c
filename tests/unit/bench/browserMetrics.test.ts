import { describe, expect, it } from 'vitest';
import { deckLayerUpdates, intervals, median, mergeLoafs, outermost, summarizeLatency, summarizeLoafs, updateTotals, type Measure } from '../../../bench/browserMetrics';

const m = (name: string, start: number, duration: number): Measure => ({ name, start, duration });

describe('browser bench metrics', () => {
  it('counts nested measures once, inside their outer one', () => {
    const measures = [m('layers', 10, 5), m('layer:roads', 11, 2), m('layer:teams', 13, 1), m('setProps', 15, 3)];
    expect(outermost(measures).map((x) => x.name)).toEqual(['layers', 'setProps']);
  });

  it('sums the app stages of each update from its decode on', () => {
    const measures = [
      m('setProps', 0, 9), // the tail of an update cut by the window's start
      m('decode', 100, 1),
      m('layers', 101, 4),
      m('layer:roads', 102, 2),
      m('setProps', 105, 3),
      m('decode', 1100, 2),
      m('layers', 1102, 1),
      m('setProps', 1103, 1),
    ];
    expect(updateTotals(measures)).toEqual([8, 4]);
  });

  it("adds up the layers deck.gl updated in each update, and keeps the most it held", () => {
    const deck = (start: number, updated: number, layers: number): Measure => ({ ...m('deck:layers', start, 1), detail: { updated, layers } });
    const measures = [deck(0, 9, 20), m('decode', 100, 1), deck(110, 3, 12), deck(300, 1, 12), m('decode', 1100, 1), m('layers', 1101, 1), deck(1110, 0, 12)];
    expect(deckLayerUpdates(measures)).toEqual({ updated: [4, 0], held: 20 });
  });

  it('takes a baseline update as its wrapping measure', () => {
    const measures = [m('update', 0, 20), m('decode', 0, 1), m('setData', 2, 3), m('update', 1000, 5), m('decode', 1000, 1)];
    expect(updateTotals(measures)).toEqual([20, 5]);
  });

  it('splits blocking long animation frames by whether the page bundle ran, and ranks invokers', () => {
    const origin = 'http://127.0.0.1:8080';
    const entries = [
      { duration: 80, blockingDuration: 30, scripts: [{ sourceURL: `${origin}/assets/index-abc.js`, invoker: 'FrameRequestCallback', duration: 60 }] },
      { duration: 60, blockingDuration: 10, scripts: [{ sourceURL: '', invoker: 'TimerHandler:setTimeout', duration: 10 }] },
      { duration: 55, blockingDuration: 5, scripts: [] },
      { duration: 40, blockingDuration: 0, scripts: [{ sourceURL: `${origin}/assets/index-abc.js`, invoker: 'FrameRequestCallback', duration: 30 }] },
      { duration: 90, blockingDuration: 40, scripts: [{ sourceURL: `${origin}/bench-baseline/assets/deck.js`, invoker: 'DOMWebSocket.onmessage', duration: 70 }] },
      // Long only because its rendering waited for the rasteriser: the main thread was free.
      { duration: 800, blockingDuration: 0, scripts: [{ sourceURL: `${origin}/assets/index-abc.js`, invoker: 'FrameRequestCallback', duration: 12 }] },
    ];
    const ours = summarizeLoafs(entries, origin, ['/assets/']);
    expect([ours.app, ours.other, ours.all]).toEqual([1, 3, 5]);
    expect(ours.invokers.map((i) => i.invoker)).toEqual(['DOMWebSocket.onmessage', 'FrameRequestCallback', 'TimerHandler:setTimeout']);
    expect(ours.invokers[1]).toEqual({ invoker: 'FrameRequestCallback', count: 1, ms: 60 });
    const merged = mergeLoafs([ours, ours]);
    expect([merged.app, merged.other, merged.all]).toEqual([2, 6, 10]);
    expect(merged.invokers[0]).toEqual({ invoker: 'DOMWebSocket.onmessage', count: 2, ms: 140 });
  });

  it('measures latency over the frames that were drawn', () => {
    const s = summarizeLatency([
      { seq: 1, sentAt: 1000, receivedAt: 1005, appliedAt: 1010, drawnAt: 1050 },
      { seq: 2, sentAt: 2000, receivedAt: 2003, appliedAt: 2020, drawnAt: 2100 },
      { seq: 3, sentAt: 3000, receivedAt: 3004 },
    ]);
    expect(s.count).toBe(2);
    expect(s.drawn.max).toBe(100);
    expect(s.receivedP50).toBe(3);
  });

  it('takes intervals and true medians', () => {
    expect(intervals([0, 16, 33, 50])).toEqual([16, 17, 17]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, NaN, 1])).toBe(2);
    expect(median([])).toBeNaN();
  });
});
