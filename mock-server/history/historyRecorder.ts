/**
 * Rolls the live city up into history once per simulated minute: every indicator's value (the same
 * numbers the wall shows), the flood figures of the minute, and the day's running totals per asset
 * (rain per gauge, water-level peaks and minutes over the warning line, pump run-minutes). Closure
 * notices are kept as they change. Raw readings are not stored: the minute roll-up is the history.
 * Used by the live server and by the backfill alike, so both write the same thing.
 */
import { PUMP_STATES } from '../../src/protocol/assets';
import type { CityEvent, Closure } from '../../src/protocol/cityEvents';
import { shanghaiDate } from '../../src/protocol/summary';
import type { IndicatorSpec, VitalsFrame } from '../../src/protocol/vitals';
import type { CityAssets } from '../city/assets';
import type { Readings } from '../pipeline/readings';
import type { FloodDayRecord, HistoryStore, MinuteRecord } from '../storage/stores';

const MIN = 60_000;
const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');
/** Minute roll-ups older than this are deleted, once a day (the daily flood totals and incidents stay). */
export const RETENTION_DAYS = 400;
/** A tick that spans more than this is a jump (a restart, a reseeded clock), not minutes to fill in. */
const MAX_GAP_MINUTES = 60;

export function emptyFloodDay(day: string, assets: Pick<CityAssets, 'rainGauges' | 'waterGauges'>): FloodDayRecord {
  return {
    day,
    minutes: 0,
    gaugeRainMm: new Array(assets.rainGauges.length).fill(0),
    waterPeakM: new Array(assets.waterGauges.length).fill(-Infinity),
    waterPeakAt: new Array(assets.waterGauges.length).fill(0),
    waterOverWarningMinutes: new Array(assets.waterGauges.length).fill(0),
    pumpRunMinutes: 0,
  };
}

/** The flood figures of one minute, from the published readings. */
export function floodMinute(readings: Readonly<Readings>, closedUnderpasses: number): MinuteRecord['flood'] {
  const rain = readings.rain;
  let sum = 0;
  let n = 0;
  let max = 0;
  let maxSlot = -1;
  for (let i = 0; i < rain.length; i++) {
    const v = rain[i];
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
    if (v > max) {
      max = v;
      maxSlot = i;
    }
  }
  let running = 0;
  let faulty = 0;
  for (const s of readings['pump.state']) {
    if (s === RUNNING) running++;
    else if (s === FAULT) faulty++;
  }
  return { rainMean: n ? sum / n : 0, rainMax: max, rainMaxSlot: maxSlot, pumpsRunning: running, pumpsFaulty: faulty, underpassesClosed: closedUnderpasses };
}

/** Adds `minutes` of the current readings to the day's running totals (pure, returns the same record mutated). */
export function accumulateFloodDay(day: FloodDayRecord, readings: Readonly<Readings>, warningM: readonly number[], t: number, minutes: number, pumpsRunning: number): FloodDayRecord {
  const rain = readings.rain;
  for (let i = 0; i < day.gaugeRainMm.length; i++) if (Number.isFinite(rain[i])) day.gaugeRainMm[i] += (rain[i] * minutes) / 60;
  const water = readings.water;
  for (let i = 0; i < day.waterPeakM.length; i++) {
    const v = water[i];
    if (!Number.isFinite(v)) continue;
    if (v > day.waterPeakM[i]) {
      day.waterPeakM[i] = v;
      day.waterPeakAt[i] = t;
    }
    if (v >= warningM[i]) day.waterOverWarningMinutes[i] += minutes;
  }
  day.pumpRunMinutes += pumpsRunning * minutes;
  day.minutes += minutes;
  return day;
}

export class HistoryRecorder {
  private lastMinute = NaN;
  private day: FloodDayRecord | null = null;
  private readonly warningM: number[];

  constructor(
    private readonly store: HistoryStore,
    private readonly assets: CityAssets,
    private readonly indicators: readonly IndicatorSpec[],
  ) {
    this.warningM = assets.waterGauges.map((g) => g.warning);
  }

  /** Picks up today's running totals after a restart. */
  async resume(simTime: number): Promise<void> {
    this.day = await this.store.floodDay(shanghaiDate(simTime));
    this.lastMinute = Math.floor(simTime / MIN);
  }

  /** After each published frame: keeps closure changes, and on a new minute writes the minute and the day's totals. */
  async afterFrame(simTime: number, readings: Readonly<Readings>, vitals: VitalsFrame, events: readonly CityEvent[], activeClosures: number): Promise<void> {
    const changed: Closure[] = [];
    for (const e of events) if (e.type === 'closure') changed.push(e.closure);
    const minute = Math.floor(simTime / MIN);
    if (minute === this.lastMinute) {
      await this.store.recordClosures(changed);
      return;
    }
    const elapsed = Number.isNaN(this.lastMinute) ? 1 : minute - this.lastMinute;
    const minutes = elapsed > 0 && elapsed <= MAX_GAP_MINUTES ? elapsed : 1;
    this.lastMinute = minute;
    const t = minute * MIN;
    const date = shanghaiDate(t);
    if (!this.day || this.day.day !== date) {
      this.day = emptyFloodDay(date, this.assets);
      await this.store.prune(t - RETENTION_DAYS * 86_400_000);
    }
    const flood = floodMinute(readings, activeClosures);
    accumulateFloodDay(this.day, readings, this.warningM, t, minutes, flood.pumpsRunning);
    const indicators: Record<string, number | null> = {};
    this.indicators.forEach((spec, i) => {
      const v = vitals.values[i];
      indicators[spec.id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    await this.store.recordMinute({ t, indicators, flood }, this.day, changed);
  }
}
