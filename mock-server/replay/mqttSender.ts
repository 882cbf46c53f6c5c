/**
 * Publishes a replay's batches over MQTT, as a sensor gateway would: each asset's readings to
 * `cityops/v1/readings/<kind>/<assetId>` (the kind's first measure) or `…/<assetId>/<measure>` (any
 * other) as `{"t", "v"}` or an array of them, at QoS 1, so each publish is acknowledged once the
 * server has kept it. That acknowledgement is all that comes back: MQTT carries no per-reading verdict
 * (the server counts them on `GET /api/health`).
 */
import { connectAsync } from 'mqtt';
import { INGEST_MEASURES } from '../ingest/ingestChannels';
import type { OutgoingReading } from './replayPlan';
import { SendError, type ReplaySender } from './replaySender';

/** The part of an MQTT client the sender uses (mqtt's MqttClient has it). */
export interface MqttPublisher {
  publishAsync(topic: string, payload: string, options: { qos: 1 }): Promise<unknown>;
  endAsync(): Promise<void>;
}

const isFirstMeasure = (kind: string, measure: string) => Object.keys(INGEST_MEASURES[kind as keyof typeof INGEST_MEASURES] ?? {})[0] === measure;

/** The messages a batch becomes: one per asset and measure, in the batch's order of first appearance. */
export function mqttMessages(batch: readonly OutgoingReading[]): { topic: string; payload: string }[] {
  const groups = new Map<string, OutgoingReading[]>();
  for (const r of batch) {
    const key = `${r.kind}/${r.assetId}/${r.measure}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((readings) => {
    const { kind, assetId, measure } = readings[0];
    const topic = `cityops/v1/readings/${kind}/${assetId}${isFirstMeasure(kind, measure) ? '' : `/${measure}`}`;
    const entries = readings.map((r) => ({ t: new Date(r.tMs).toISOString(), v: r.v }));
    return { topic, payload: JSON.stringify(entries.length === 1 ? entries[0] : entries) };
  });
}

export function mqttSender(client: MqttPublisher): ReplaySender {
  return {
    async send(batch) {
      await Promise.all(mqttMessages(batch).map((m) => client.publishAsync(m.topic, m.payload, { qos: 1 })));
      return undefined;
    },
    close: () => client.endAsync(),
    verdicts: false,
  };
}

/**
 * Connects to a broker (`mqtt://host:1883`) with an integration's name and key as username and
 * password. A broker that cannot be reached or refuses the key fails at once; a connection lost later
 * is made again, and QoS 1 publishes not yet acknowledged are sent again (the server counts a repeat
 * as a duplicate).
 */
export async function connectMqtt(url: string, credentials?: { name: string; key: string }): Promise<MqttPublisher> {
  try {
    return await connectAsync(url, { ...(credentials && { username: credentials.name, password: credentials.key }), connectTimeout: 10_000 }, false);
  } catch (err) {
    throw new SendError(`MQTT ${url}: ${(err as Error).message}`);
  }
}
