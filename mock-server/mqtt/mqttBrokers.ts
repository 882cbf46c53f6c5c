/**
 * The server's MQTT side as configured: the embedded broker (CITYOPS_MQTT_PORT) and the external
 * broker's client (CITYOPS_MQTT_URL), each with its own counts, both feeding the same sinks. Started
 * by server.ts after the HTTP server listens, closed before the database.
 */
import type { Config } from '../config';
import type { PositionSink, ReadingSink } from '../ingest/incomingReading';
import { startEmbeddedBroker, type BrokerLog, type EmbeddedBroker, type EmbeddedBrokerStatus } from './embeddedBroker';
import { connectExternalBroker, type ExternalBroker, type ExternalBrokerStatus } from './externalBroker';
import { MqttIngest } from './mqttIngest';

/** The health route's `mqtt` section: null where that side is off. */
export interface MqttStatus {
  embedded: EmbeddedBrokerStatus | null;
  external: ExternalBrokerStatus | null;
}

export interface MqttBrokers {
  embedded: EmbeddedBroker | null;
  external: ExternalBroker | null;
  status(): MqttStatus;
  close(): Promise<void>;
}

export interface MqttBrokersDeps {
  config: Pick<Config, 'mqttPort' | 'mqttPortFromDemo' | 'mqttUrl' | 'host'>;
  readings: ReadingSink;
  positions?: PositionSink;
  /** The integration a key belongs to, or null. */
  integrationOf(key: string): Promise<string | null>;
  now: () => number;
  log: BrokerLog;
}

export const MQTT_OFF: MqttStatus = { embedded: null, external: null };

export async function startMqttBrokers(deps: MqttBrokersDeps): Promise<MqttBrokers> {
  const { config, log } = deps;
  const ingest = () => new MqttIngest({ readings: deps.readings, positions: deps.positions, now: deps.now });
  let embedded: EmbeddedBroker | null = null;
  if (typeof config.mqttPort === 'number') {
    try {
      embedded = await startEmbeddedBroker({ port: config.mqttPort, host: config.host, ingest: ingest(), integrationOf: deps.integrationOf, log });
      log.info({ port: embedded.port }, `MQTT broker listening on ${config.host}:${embedded.port}`);
    } catch (err) {
      // Demo mode asked for nothing in particular: a broker already on 1883 (mosquitto) must not stop the demo.
      if (!(config.mqttPortFromDemo && (err as NodeJS.ErrnoException).code === 'EADDRINUSE')) throw err;
      log.warn({ port: config.mqttPort }, `MQTT port ${config.mqttPort} is in use: the embedded broker is off (set CITYOPS_MQTT_PORT to choose another)`);
    }
  }
  const external = config.mqttUrl === undefined ? null : connectExternalBroker({ url: config.mqttUrl, ingest: ingest(), log });
  return {
    embedded,
    external,
    status: () => ({ embedded: embedded?.status() ?? null, external: external?.status() ?? null }),
    async close() {
      await Promise.all([embedded?.close(), external?.close()]);
    },
  };
}
