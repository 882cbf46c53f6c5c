import { describe, expect, it } from 'vitest';
import { cpuPercentOfCore, frameBytes, percentile, summarize, table } from '../../../bench/stats';
import { clientPlan, splitPlan } from '../../../bench/fanOut';
import type { WireDelta } from '@/protocol/events';

describe('bench stats', () => {
  it('takes nearest-rank percentiles of sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('summarizes unsorted latency samples', () => {
    const s = summarize([30, 10, 20, 40, 1000, 5, 15, 25, 35, 45]);
    expect(s.count).toBe(10);
    expect(s.mean).toBeCloseTo(122.5);
    expect(s.p50).toBe(25);
    expect(s.p95).toBe(1000);
    expect(s.max).toBe(1000);
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).p99).toBeNaN();
  });

  it('turns CPU microseconds over a wall span into % of one core', () => {
    expect(cpuPercentOfCore(500_000, 1000)).toBe(50);
    expect(cpuPercentOfCore(3_000_000, 2000)).toBe(150);
    expect(cpuPercentOfCore(1, 0)).toBeNaN();
  });

  it('counts a frame as its binary attachment plus the packet JSON around it', () => {
    const delta: WireDelta = { seq: 7, simTime: 1, sentAt: 2, channels: new Uint8Array(1000), events: [], vitals: {} as WireDelta['vitals'] };
    const json = JSON.stringify(['readings:delta', { ...delta, channels: { _placeholder: true, num: 0 } }]);
    expect(frameBytes(delta)).toBe(1000 + 4 + json.length);
    const empty: WireDelta = { ...delta, channels: null };
    expect(frameBytes(empty)).toBe(4 + JSON.stringify(['readings:delta', empty]).length);
  });

  it('pads table columns to their widest cell', () => {
    expect(table(['a', 'bb'], [['ccc', 1]]).split('\n')).toEqual(['a    bb', '---  --', 'ccc  1']);
  });
});

describe('fan-out client plan', () => {
  it('has one wall and alternates all-channel and subscribed consoles', () => {
    const plan = clientPlan(5);
    expect(plan.map((p) => p.role)).toEqual(['wall', 'console', 'console-sub', 'console', 'console-sub', 'console']);
  });

  it('deals clients role by role so every process gets a similar mix', () => {
    const shares = splitPlan(clientPlan(100), 2);
    expect(shares.map((s) => s.length)).toEqual([51, 50]);
    const count = (i: number, role: string) => shares[i].filter((c) => c.role === role).length;
    expect([count(0, 'wall'), count(0, 'console'), count(0, 'console-sub')]).toEqual([1, 25, 25]);
    expect([count(1, 'wall'), count(1, 'console'), count(1, 'console-sub')]).toEqual([0, 25, 25]);
  });
});
