/**
 * The SensorThings source as configured (CITYOPS_SENSORTHINGS_URL and _MAP; config.ts checks that
 * both or neither are set): a poller, or null when none is configured. Started by server.ts after the
 * HTTP server listens, stopped before the database closes.
 */
import type { Config } from '../config';
import type { ReadingSink } from '../ingest/incomingReading';
import type { SensorThingsCursorStore } from '../storage/stores';
import { SensorThingsPoller, type PollerLog } from './sensorThingsPoller';

export interface StartSensorThingsDeps {
  config: Pick<Config, 'sensorThingsUrl' | 'sensorThingsMap' | 'sensorThingsEvery' | 'sensorThingsSince'>;
  readings: ReadingSink;
  cursors: SensorThingsCursorStore;
  now: () => number;
  log: PollerLog;
  fetch?: typeof fetch;
}

export async function startSensorThings(deps: StartSensorThingsDeps): Promise<SensorThingsPoller | null> {
  const { sensorThingsUrl: url, sensorThingsMap: map, sensorThingsEvery: everyS, sensorThingsSince: since } = deps.config;
  if (url === undefined || map === undefined) return null;
  const poller = await SensorThingsPoller.open({
    url,
    map,
    everyMs: everyS * 1000,
    since: 'at' in since ? since.at : deps.now() - since.agoMs,
    readings: deps.readings,
    cursors: deps.cursors,
    now: deps.now,
    log: deps.log,
    fetch: deps.fetch,
  });
  poller.start();
  deps.log.info({ url, datastreams: map.targets.length, everyS }, `polling the SensorThings server ${url} for ${map.targets.length} Datastream(s) of ${map.file} every ${everyS} s`);
  return poller;
}
