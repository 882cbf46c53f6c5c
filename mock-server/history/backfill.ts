/**
 * Fast-forwards the deterministic city through whole days into a data directory, so a fresh install
 * has history to review: the same tick as the live server (frames, the desk's incidents with the
 * simulated duty desk on autopilot, minute roll-ups), a simulated minute per tick, as fast as the
 * CPU allows. Starts at 00:00 Shanghai `days` days before `end`, or where the stored city stopped.
 */
import { AlarmService } from '../alarms/alarmService';
import { simulatedCityFromRegistry } from '../assets/cityRegistry';
import { CITY_GEO_DATUM } from '../assets/datum';
import { loadCityGeo } from '../city/cityGeo';
import { createCityStages } from '../pipeline/cityStages';
import { LiveCity } from '../pipeline/liveCity';
import { recordedTick } from '../pipeline/recordedTick';
import type { RuleBook } from '../rules/ruleBook';
import type { RainScenarioId } from '../simulator/scenarios/rainScenarios';
import { openDatabase } from '../storage/database';
import { SqliteAlarmStore } from '../storage/sqliteAlarms';
import { SqliteAssetStore } from '../storage/sqliteAssets';
import { SqliteHistoryStore } from '../storage/sqliteHistory';
import { SqliteIncidentStore } from '../storage/sqliteIncidents';
import { WorkOrderService } from '../workorders/workOrderService';
import { shanghaiDate, shanghaiDayStart } from '../../src/protocol/summary';
import { HistoryRecorder } from './historyRecorder';

const MIN = 60_000;
const DAY = 86_400_000;

export interface BackfillOptions {
  dataDir: string;
  days: number;
  seed: number;
  scenario: RainScenarioId;
  /** The alarm rules in force (the live server's rules file); the built-in default when absent. */
  rules?: RuleBook;
  /** Simulated time to stop at (default: now, to the minute). */
  end?: number;
  onDay?: (date: string, ms: number) => void;
}

export interface BackfillResult {
  from: number;
  to: number;
  minutes: number;
}

export async function backfill(options: BackfillOptions): Promise<BackfillResult> {
  const end = Math.floor((options.end ?? Date.now()) / MIN) * MIN;
  const db = openDatabase(options.dataDir);
  try {
    const incidents = new SqliteIncidentStore(db);
    const history = new SqliteHistoryStore(db);
    const stored = await WorkOrderService.storedSimTime(incidents);
    const firstDay = shanghaiDayStart(shanghaiDate(end - options.days * DAY))!;
    const from = stored !== null && stored > firstDay ? Math.floor(stored / MIN) * MIN : firstDay;
    if (from >= end) return { from, to: from, minutes: 0 };
    // A replay can be run again from scratch, so it need not wait for the disk on every minute.
    db.pragma('synchronous = OFF');
    // The city the server runs: the asset registry's (the seed's Shanghai placed into a fresh one).
    const geo = loadCityGeo();
    const registry = new SqliteAssetStore(db);
    const datum = (await registry.state())?.datum ?? CITY_GEO_DATUM;
    const assets = await simulatedCityFromRegistry(registry, geo, { placement: { seed: options.seed, scale: 'shanghai' }, datum, now: Date.now });
    const stages = createCityStages(geo, { seed: options.seed, startTime: from, scenario: options.scenario, autopilot: true, rules: options.rules, assets });
    const workOrders = new WorkOrderService({ city: stages, store: incidents });
    await workOrders.restore();
    // The alarms the history shows are on the record too, as the server would have kept them.
    const alarms = new AlarmService({ city: stages, store: new SqliteAlarmStore(db), queue: workOrders.queue });
    await alarms.restore();
    const city = new LiveCity(stages, { tickMs: 1000, speed: 60 });
    const recorder = new HistoryRecorder(history, stages.assets, city.feed.indicators);
    await recorder.resume(from - MIN);
    // The first minute is the state the city starts in.
    await recorder.afterFrame(from, city.feed.readings, city.feed.currentVitals(), [], 0);
    const minutes = Math.round((end - from) / MIN);
    let dayStarted = Date.now();
    let day = shanghaiDate(from);
    for (let k = 0; k < minutes; k++) {
      const delta = await recordedTick(city, workOrders, recorder, alarms);
      const today = shanghaiDate(delta.simTime);
      if (today !== day) {
        options.onDay?.(day, Date.now() - dayStarted);
        day = today;
        dayStarted = Date.now();
      }
    }
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { from, to: end, minutes };
  } finally {
    db.close();
  }
}
