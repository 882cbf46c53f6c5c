/**
 * The city part of the server, built from the asset registry and the stores: the pipeline stages,
 * the work-order and alarm services over them, the live city and its feed, the minute history, and
 * the lookup the ingest gates resolve assets with. Built once at start, and again when the registry
 * changes (cityHolder.ts) by the very same steps — the open incidents and active alarms come back
 * from SQLite, the clock resumes where it stood — so a registry change is a restart of this part alone.
 */
import type { WarningStore } from '../cap/warningStore';
import type { Config } from '../config';
import type { CityGeo } from '../city/cityGeo';
import { CHANNELS } from '../../src/protocol/channels';
import { AlarmService } from '../alarms/alarmService';
import { cityAssetsFromRegistry, simulatedCityFromRegistry } from '../assets/cityRegistry';
import { AssetHistory } from '../feed/assetHistory';
import type { LiveFeed } from '../feed/liveFeed';
import { HistoryRecorder } from '../history/historyRecorder';
import { assetLookupOf, type AssetLookup } from '../ingest/assetLookup';
import { createCityStages, type CityStages } from '../pipeline/cityStages';
import { LiveCity } from '../pipeline/liveCity';
import { assetCount } from '../pipeline/readings';
import type { AlarmStore, AssetStore, HistoryStore, IncidentStore } from '../storage/stores';
import { DESK_STATUSES } from '../../src/protocol/cityEvents';
import type { SerialQueue } from '../workorders/serialQueue';
import { WorkOrderService } from '../workorders/workOrderService';
import { assetSlotsOf, carryIncident, slotCarryOf, type SlotCarry } from './slotCarry';

/** More CAP warnings in force at once than a bureau ever issues; the newest are kept. */
const MAX_RESTORED_WARNINGS = 1000;

/** What the city part is built from; the same for every build. */
export interface CityRuntimeParts {
  config: Config;
  geo: CityGeo;
  /** Wall clock. */
  now: () => number;
  registry: AssetStore;
  incidents: IncidentStore;
  alarms: AlarmStore;
  history: HistoryStore;
  /** The CAP warnings: those in force go back on the wall on every build. */
  warnings: WarningStore;
  /** The work-order queue: one for the life of the server, so commands and ticks queued across a rebuild keep their order. */
  queue: SerialQueue;
}

/** One build of the city part. */
export interface CityRuntime {
  stages: CityStages;
  city: LiveCity;
  feed: LiveFeed;
  workOrders: WorkOrderService;
  alarms: AlarmService;
  /** The last hour per asset, for detail cards. */
  assetHistory: AssetHistory;
  recorder: HistoryRecorder;
  /** Kind and id → slot in this city's catalogue (the ingest and position gates). */
  lookup: AssetLookup;
  /** The digest of the registry this city was built from (null: none yet, the seed's city). */
  registryDigest: string | null;
}

/**
 * Builds the city part from the registry and the stores. `previous`, on a rebuild, is the city it
 * replaces: the clock goes on from its time, its simulator's scenario stays, and what names its assets
 * by slot is carried over by id (carryOver) before anything is restored or measured.
 */
export async function buildCityRuntime(parts: CityRuntimeParts, previous?: CityRuntime): Promise<CityRuntime> {
  const { config, geo, now } = parts;
  // The simulated clock resumes where it stopped, so restored incidents never lie in the city's future.
  const resumeAt = Math.max((await WorkOrderService.storedSimTime(parts.incidents)) ?? -Infinity, previous?.stages.simTime() ?? -Infinity);
  const startTime = Math.max(config.start ?? Math.floor(now() / 1000) * 1000, resumeAt);
  const autopilot = config.autopilot ?? config.demo;
  // The city as the asset registry holds it; the simulator fills a fresh one with its Shanghai.
  const placement = { seed: config.seed, scale: config.scale, roadGridKm: config.roadGridKm };
  const assets = config.simulator
    ? await simulatedCityFromRegistry(parts.registry, geo, { placement, datum: config.basemapDatum, now })
    : ((await cityAssetsFromRegistry(parts.registry, geo, config.basemapDatum)) ?? undefined);
  // Read after the simulator may have placed its city into a fresh registry.
  const registryDigest = (await parts.registry.state())?.digest ?? null;
  const scenario = previous?.stages.simulation?.scenario ?? config.scenario;
  const stages = createCityStages(geo, { seed: config.seed, startTime, scenario, scale: config.scale, roadGridKm: config.roadGridKm, autopilot, rules: config.rules, simulator: config.simulator, assets, officeCap: true, basemapDatum: config.basemapDatum });
  if (previous) await carryOver(previous.stages, stages, parts.incidents);
  const workOrders = new WorkOrderService({ city: stages, store: parts.incidents, now, queue: parts.queue });
  // Restored before the first frame is measured, so it shows the restored teams and closures.
  await workOrders.restore();
  // The stored active alarms go back into the engine, so their episodes continue under the same ids.
  const alarms = new AlarmService({ city: stages, store: parts.alarms, queue: parts.queue, now, slotOf: assetSlotsOf(stages.assets) });
  await alarms.restore();
  // The book keeps CAP times on the city's clock (cap/warningBook.ts).
  stages.capWarnings.restore(await parts.warnings.list({ activeOnly: true, beforeSeq: null, limit: MAX_RESTORED_WARNINGS, now: stages.simTime() }));
  const assetHistory = AssetHistory.forAssets(stages.assets);
  const city = new LiveCity(stages, { tickMs: config.tickMs, speed: config.speed, now, history: assetHistory });
  const { feed } = city;
  if (previous) carryVitalsTrail(previous.feed, feed);
  const recorder = new HistoryRecorder(parts.history, stages.assets, feed.indicators);
  await recorder.resume(startTime);
  const lookup = assetLookupOf(feed.catalog, (kind) => assetCount(stages.assets, kind));
  return { stages, city, feed, workOrders, alarms, assetHistory, recorder, lookup, registryDigest };
}

/**
 * Carries into the new city, by id, what names the old one's assets by slot: the stored open
 * incidents (written back with their asset, team and segment in the new slots, null where the asset
 * is gone; their versions unchanged, as nothing happened to them), the readings and positions the
 * gates kept since the last tick, and each slot's newest reading from outside, which stands as it did.
 */
async function carryOver(before: CityStages, after: CityStages, incidents: IncidentStore): Promise<void> {
  const carry = slotCarryOf(before.assets, after.assets);
  const open = await incidents.list({ statuses: DESK_STATUSES, limit: 100_000 });
  const moved = open.map((incident) => ({ incident: carryIncident(incident, carry), previousVersion: incident.version })).filter((c, i) => c.incident !== open[i]);
  if (moved.length > 0) await incidents.commit({ incidents: moved, audit: [] });
  for (const r of before.incoming) {
    const slot = carry(r.kind, r.slot);
    if (slot !== undefined) after.incoming.push({ ...r, slot });
  }
  for (const p of before.incomingPositions) {
    const slot = carry(CHANNELS[p.channel].kind, p.slot);
    if (slot !== undefined) after.incomingPositions.push({ ...p, slot });
  }
  carryExternal(before, after, carry);
}

function carryExternal(before: CityStages, after: CityStages, carry: SlotCarry): void {
  before.external.forEachFed((channel, slot, v, t) => {
    const to = carry(CHANNELS[channel].kind, slot);
    if (to !== undefined) after.external.set(channel, to, v, t);
  });
}

/**
 * The last hour of the vital signs goes on (screens refetch it on a new catalogue; their sparklines
 * would otherwise start empty): the indicators are the same, only the assets behind them changed.
 */
function carryVitalsTrail(before: LiveFeed, after: LiveFeed): void {
  if (before.vitalsTrail.indicators !== after.vitalsTrail.indicators) return;
  // The new trail's one point is at the old city's last time: the old points, older, replace it, then it goes on top.
  for (const point of before.vitalsTrail.points()) after.vitalsTrail.record(point);
  after.vitalsTrail.record(after.currentVitals());
}
