import { describe, expect, it } from 'vitest';
import { mqttMessages, mqttSender, type MqttPublisher } from '../../../../mock-server/replay/mqttSender';
import type { OutgoingReading } from '../../../../mock-server/replay/replayPlan';

const T = Date.parse('2026-07-15T06:00:00Z');
const r = (kind: string, assetId: string, measure: string, minute: number, v: number): OutgoingReading => ({ kind, assetId, measure, tMs: T + minute * 60_000, v, dueMs: 0, recordedMs: 0 });

describe('mqttMessages', () => {
  it('publishes each asset’s readings on its own topic: one as {"t","v"}, several as an array', () => {
    const batch = [r('underpass', 'UP-0001', 'depth', 0, 1), r('waterGauge', 'WL-0001', 'level', 0, 2.5), r('underpass', 'UP-0001', 'depth', 1, 3)];
    expect(mqttMessages(batch)).toEqual([
      { topic: 'cityops/v1/readings/underpass/UP-0001', payload: '[{"t":"2026-07-15T06:00:00.000Z","v":1},{"t":"2026-07-15T06:01:00.000Z","v":3}]' },
      { topic: 'cityops/v1/readings/waterGauge/WL-0001', payload: '{"t":"2026-07-15T06:00:00.000Z","v":2.5}' },
    ]);
  });

  it('names a measure other than the kind’s first in the topic', () => {
    expect(mqttMessages([r('pumpStation', 'PS-0001', 'flow', 0, 4.2), r('pumpStation', 'PS-0001', 'level', 0, 1.5)])).toEqual([
      { topic: 'cityops/v1/readings/pumpStation/PS-0001/flow', payload: '{"t":"2026-07-15T06:00:00.000Z","v":4.2}' },
      { topic: 'cityops/v1/readings/pumpStation/PS-0001', payload: '{"t":"2026-07-15T06:00:00.000Z","v":1.5}' },
    ]);
  });
});

describe('mqttSender', () => {
  it('publishes every message of a batch at QoS 1 and has no verdict to give', async () => {
    const published: [string, string, { qos: 1 }][] = [];
    let ended = false;
    const client: MqttPublisher = {
      publishAsync: async (topic, payload, options) => published.push([topic, payload, options]),
      endAsync: async () => {
        ended = true;
      },
    };
    const sender = mqttSender(client);
    expect(await sender.send([r('underpass', 'UP-0001', 'depth', 0, 1), r('underpass', 'UP-0002', 'depth', 0, 1)])).toBeUndefined();
    expect(published.map(([topic, , options]) => [topic, options.qos])).toEqual([
      ['cityops/v1/readings/underpass/UP-0001', 1],
      ['cityops/v1/readings/underpass/UP-0002', 1],
    ]);
    expect(sender.verdicts).toBe(false);
    await sender.close();
    expect(ended).toBe(true);
  });
});
