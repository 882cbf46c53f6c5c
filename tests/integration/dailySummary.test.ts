/**
 * The daily summary checked against an independent computation: a deterministic storm day is
 * fast-forwarded through the same tick the server runs (frames, the desk on autopilot, minute
 * roll-ups into SQLite), while this test keeps its own tallies from the raw published readings and
 * the event stream. The summary's figures must match those tallies — not the summary code's helpers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../mock-server/city/cityGeo';
import type { LiveFeed } from '../../mock-server/feed/liveFeed';
import { HistoryRecorder } from '../../mock-server/history/historyRecorder';
import { createCityStages, type CityStages } from '../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../mock-server/pipeline/liveCity';
import { recordedTick } from '../../mock-server/pipeline/recordedTick';
import { openDatabase } from '../../mock-server/storage/database';
import { SqliteHistoryStore } from '../../mock-server/storage/sqliteHistory';
import { SqliteIncidentStore } from '../../mock-server/storage/sqliteIncidents';
import { loadDailySummary } from '../../mock-server/summary/summaryData';
import { WorkOrderService } from '../../mock-server/workorders/workOrderService';
import { PUMP_STATES } from '../../src/protocol/assets';
import type { Closure, IncidentCategory } from '../../src/protocol/cityEvents';
import type { DailySummary } from '../../src/protocol/summary';

const MIN = 60_000;
const DAY_START = Date.parse('2026-07-15T00:00:00+08:00');
const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');

/** What the test tallies itself, minute by minute, from raw readings and events. */
const raw = {
  minutes: 0,
  gaugeMm: [] as number[],
  peak: { mmH: 0, slot: -1, t: 0 },
  pumpRunMinutes: 0,
  maxRunning: 0,
  faultyPerMinute: [] as number[],
  created: new Map<string, { category: IncidentCategory; createdAt: number; dispatchedAt: number | null }>(),
  closures: new Map<string, Closure>(),
  /** Each incident's case flow as the event stream shows it, for the evaluation (综合评价). */
  cases: new Map<string, { resolveDueAt: number; lastResolvedAt: number | null; acceptedResolveAt: number | null; verified: boolean; reworked: boolean; closed: boolean; cancelled: boolean }>(),
};
let summary: DailySummary;
let sim: CityStages;

function tally(readings: LiveFeed['readings'], t: number) {
  raw.minutes++;
  readings.rain.forEach((v, i) => {
    // A silent gauge (NaN) reports no rain for that minute.
    raw.gaugeMm[i] = (raw.gaugeMm[i] ?? 0) + (Number.isNaN(v) ? 0 : v / 60);
    if (v > raw.peak.mmH) raw.peak = { mmH: v, slot: i, t };
  });
  let running = 0;
  let faulty = 0;
  for (const s of readings['pump.state']) {
    if (s === RUNNING) running++;
    if (s === FAULT) faulty++;
  }
  raw.pumpRunMinutes += running;
  raw.maxRunning = Math.max(raw.maxRunning, running);
  raw.faultyPerMinute.push(faulty);
}

beforeAll(async () => {
  const db = openDatabase(':memory:');
  const incidents = new SqliteIncidentStore(db);
  const history = new SqliteHistoryStore(db);
  sim = createCityStages(loadCityGeo(), { seed: 20260701, startTime: DAY_START, scenario: 'storm', autopilot: true });
  const city = new LiveCity(sim, { tickMs: 1000, speed: 60 });
  const { feed } = city;
  const workOrders = new WorkOrderService({ city: sim, store: incidents });
  const recorder = new HistoryRecorder(history, sim.assets, feed.indicators);
  await recorder.resume(DAY_START - MIN);
  await recorder.afterFrame(DAY_START, feed.readings, feed.currentVitals(), [], 0);
  tally(feed.readings, DAY_START);
  // A simulated minute per tick: 1,439 more minutes fill the day.
  for (let k = 1; k < 1440; k++) {
    const delta = await recordedTick(city, workOrders, recorder);
    tally(feed.readings, delta.simTime);
    for (const e of delta.events) {
      if (e.type === 'closure') raw.closures.set(e.closure.id, e.closure);
      if (e.type !== 'incident') continue;
      const i = e.incident;
      if (!raw.created.has(i.id)) raw.created.set(i.id, { category: i.category, createdAt: i.createdAt, dispatchedAt: null });
      const seen = raw.created.get(i.id)!;
      if (seen.dispatchedAt === null && i.status === 'dispatched') seen.dispatchedAt = i.updatedAt;
      const flow = raw.cases.get(i.id) ?? { resolveDueAt: i.resolveDueAt, lastResolvedAt: null, acceptedResolveAt: null, verified: false, reworked: false, closed: false, cancelled: false };
      raw.cases.set(i.id, flow);
      if (i.status === 'resolved') flow.lastResolvedAt = i.updatedAt;
      if (i.status === 'verified') [flow.verified, flow.acceptedResolveAt] = [true, flow.lastResolvedAt];
      flow.reworked ||= i.reworkCount > 0;
      flow.closed ||= i.status === 'closed';
      flow.cancelled ||= i.status === 'cancelled';
    }
  }
  summary = (await loadDailySummary({ history, assets: sim.assets, indicators: feed.indicators }, '2026-07-15', DAY_START + 1440 * MIN))!;
}, 240_000);

describe('daily summary of a fast-forwarded storm day', () => {
  it('covers the whole day', () => {
    expect(raw.minutes).toBe(1440);
    expect(summary.coverageMinutes).toBe(1440);
    expect(summary.from).toBe(DAY_START);
  });

  it('finds the rain peak, its gauge and minute, and the rain totals the gauges reported', () => {
    expect(summary.flood.rainfall.peak).toMatchObject({ mmH: raw.peak.mmH, gaugeId: sim.assets.rainGauges[raw.peak.slot].id, at: raw.peak.t });
    const cityMean = raw.gaugeMm.reduce((s, x) => s + x, 0) / raw.gaugeMm.length;
    expect(summary.flood.rainfall.cityMeanMm).toBeCloseTo(cityMean, 6);
    const wettest = raw.gaugeMm.indexOf(Math.max(...raw.gaugeMm));
    expect(summary.flood.rainfall.wettestGauge?.gaugeId).toBe(sim.assets.rainGauges[wettest].id);
    // The environment indicator of the peak rate agrees with the raw maximum.
    expect(summary.indicators.find((i) => i.id === 'env.rainMax')?.max).toBeCloseTo(raw.peak.mmH, 3);
    expect(raw.peak.mmH).toBeGreaterThan(16);
  });

  it('counts pump run-hours and faulty pumps as the readings show them', () => {
    expect(summary.flood.pumps.runHours).toBeCloseTo(raw.pumpRunMinutes / 60, 6);
    expect(summary.flood.pumps.peakRunning).toBe(raw.maxRunning);
    const faulty = summary.indicators.find((i) => i.id === 'infra.pumpsFaulty')!;
    expect(faulty.max).toBe(Math.max(...raw.faultyPerMinute));
    expect(faulty.min).toBe(Math.min(...raw.faultyPerMinute));
    expect(faulty.mean).toBeCloseTo(raw.faultyPerMinute.reduce((s, x) => s + x, 0) / raw.faultyPerMinute.length, 9);
  });

  it('counts the incidents opened that day by category, and their time to dispatch', () => {
    const inDay = [...raw.created.values()].filter((i) => i.createdAt >= DAY_START && i.createdAt < DAY_START + 1440 * MIN);
    expect(summary.incidents.total).toBe(inDay.length);
    const byCategory: Record<string, number> = {};
    for (const i of inDay) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    expect(summary.incidents.byCategory).toEqual(byCategory);
    const waits = inDay.filter((i) => i.dispatchedAt !== null).map((i) => (i.dispatchedAt! - i.createdAt) / MIN).sort((a, b) => a - b);
    expect(summary.incidents.timeToDispatch.count).toBe(waits.length);
    // The median as the lower middle value (nearest rank).
    expect(summary.incidents.timeToDispatch.median).toBe(waits[Math.ceil(waits.length / 2) - 1]);
    expect(inDay.length).toBeGreaterThan(50);
  });

  it('adds up underpass closures from the closure notices', () => {
    const end = DAY_START + 1440 * MIN;
    let minutes = 0;
    const slots = new Set<number>();
    for (const c of raw.closures.values()) {
      const m = (Math.min(end, c.liftedAt ?? end) - Math.max(DAY_START, c.issuedAt)) / MIN;
      if (m <= 0) continue;
      minutes += m;
      slots.add(c.underpassSlot);
    }
    expect(summary.flood.underpasses.closedMinutes).toBeCloseTo(minutes, 6);
    expect(summary.flood.underpasses.underpassesClosed).toBe(slots.size);
    expect(slots.size).toBeGreaterThan(0);
  });

  it('evaluates the day’s case handling as the event stream shows it (综合评价)', () => {
    const end = DAY_START + 1440 * MIN;
    const flows = [...raw.cases.values()];
    const due = flows.filter((c) => !c.cancelled && (c.resolveDueAt <= end || c.closed));
    const onTime = due.filter((c) => c.verified && c.acceptedResolveAt !== null && c.acceptedResolveAt <= c.resolveDueAt);
    const checked = flows.filter((c) => c.verified || c.reworked);
    const { city, streets, departments } = summary.evaluation;
    expect(city).toMatchObject({
      registered: flows.length,
      due: due.length,
      onTime: onTime.length,
      handled: flows.filter((c) => c.verified).length,
      rework: flows.filter((c) => c.reworked).length,
      closed: flows.filter((c) => c.closed).length,
    });
    expect(city.onTimeRate).toBeCloseTo(onTime.length / due.length, 12);
    expect(city.closureRate).toBeCloseTo(due.filter((c) => c.closed).length / due.length, 12);
    expect(city.reworkRate).toBeCloseTo(flows.filter((c) => c.reworked).length / checked.length, 12);
    // The storm day sends some fixes back, and its streets and departments add up to the city.
    expect(city.rework).toBeGreaterThan(0);
    expect(departments.reduce((n, d) => n + d.registered, 0)).toBe(city.registered);
    expect(streets.reduce((n, st) => n + st.registered, 0)).toBeLessThanOrEqual(city.registered);
  });

  it('writes highlights in both languages from those figures', () => {
    expect(summary.highlights.zh[0]).toContain(`${Math.round(raw.peak.mmH * 10) / 10}`);
    expect(summary.highlights.en[0]).toMatch(/^Rainfall averaged [\d.]+ mm across the city/);
    expect(summary.highlights.en.join(' ')).toContain(`${summary.flood.underpasses.underpassesClosed} underpass`);
    expect(summary.highlights.zh.length).toBe(summary.highlights.en.length);
  });
});
