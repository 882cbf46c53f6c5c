/**
 * The server as a client of a city's own broker (mosquitto, EMQX…): it subscribes to `cityops/v1/#`
 * at QoS 1 and reads every message as the embedded broker does (mqttIngest.ts). The broker has
 * authenticated its publishers, so readings are counted under the broker's address.
 *
 * Acknowledgement: mqtt.js sends a QoS 1 PUBACK once handleMessage calls back, which happens after
 * the sink has kept the readings. The session is persistent (clean: false, one client id per host),
 * so what arrives while the server is down, or was left unacknowledged, is delivered on reconnect;
 * when the sink fails, the client reconnects so the broker sends the message again. Messages are read
 * one at a time, in order.
 */
import { hostname } from 'node:os';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { BrokerLog } from './embeddedBroker';
import type { MqttCounts, MqttIngest } from './mqttIngest';
import { TOPIC_ROOT } from './mqttIngest';

/** How long after a sink failure the client reconnects to have the broker send it again. */
const RETRY_AFTER_MS = 2000;

export interface ExternalBrokerDeps {
  /** `mqtt://[user:password@]host:port` (also mqtts, ws, wss). */
  url: string;
  ingest: MqttIngest;
  log: BrokerLog;
  /** The session's client id; default `cityops-<host name>`. */
  clientId?: string;
}

export interface ExternalBrokerStatus extends MqttCounts {
  /** The broker's address, without credentials. */
  url: string;
  connected: boolean;
  /** The broker has granted the subscription to `cityops/v1/#` (since start). */
  subscribed: boolean;
}

export interface ExternalBroker {
  /** The name readings from this broker are counted under (its address). */
  readonly source: string;
  status(): ExternalBrokerStatus;
  close(): Promise<void>;
}

/** The broker's address without credentials or path, e.g. `mqtt://127.0.0.1:1883`. */
export function brokerAddress(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

export function connectExternalBroker(deps: ExternalBrokerDeps): ExternalBroker {
  const { ingest, log } = deps;
  const source = brokerAddress(deps.url);
  const options: IClientOptions = {
    clientId: deps.clientId ?? `cityops-${hostname()}`,
    clean: false,
    reconnectPeriod: RETRY_AFTER_MS,
    connectTimeout: 10_000,
  };
  const client: MqttClient = connect(deps.url, options);
  let announcedDown = false;
  let subscribed = false;
  let retry: NodeJS.Timeout | undefined;

  client.on('connect', (connack) => {
    announcedDown = false;
    log.info({ broker: source, sessionPresent: connack.sessionPresent }, 'MQTT: connected to the external broker');
    // With a session present the subscription is kept by the broker; subscribing again is harmless.
    client.subscribe(`${TOPIC_ROOT}#`, { qos: 1 }, (err, granted) => {
      if (err || granted?.some((g) => g.qos === 128)) log.warn({ broker: source, err }, `MQTT: the external broker refused the subscription to ${TOPIC_ROOT}#`);
      else subscribed = true;
    });
  });
  client.on('error', (err) => {
    if (!announcedDown) log.warn({ broker: source, err: err.message }, 'MQTT: the external broker is unreachable; retrying');
    announcedDown = true;
  });
  client.on('offline', () => {
    if (!announcedDown) log.warn({ broker: source }, 'MQTT: lost the external broker; retrying');
    announcedDown = true;
  });

  client.handleMessage = (packet, callback) => {
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    ingest.handle(packet.topic, payload, source).then(
      () => callback(),
      (err: Error) => {
        log.warn({ err, broker: source, topic: packet.topic }, 'MQTT readings could not be kept: reconnecting so the broker sends them again');
        callback(err);
        // Unacknowledged, the message comes again on the next session: after a pause, not in a tight loop.
        retry ??= setTimeout(() => {
          retry = undefined;
          client.reconnect();
        }, RETRY_AFTER_MS);
      },
    );
  };

  return {
    source,
    status: () => ({ url: source, connected: client.connected, subscribed, ...ingest.status() }),
    close: () => {
      clearTimeout(retry);
      return new Promise<void>((resolve) => client.end(false, {}, () => resolve()));
    },
  };
}
