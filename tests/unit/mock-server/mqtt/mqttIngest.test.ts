import { describe, expect, it } from 'vitest';
import type { IngestVerdict, ParsedPosition, ParsedReading } from '../../../../mock-server/ingest/incomingReading';
import { MAX_BATCH_ENTRIES } from '../../../../mock-server/ingest/readingPayload';
import { MAX_PAYLOAD_BYTES, MqttIngest } from '../../../../mock-server/mqtt/mqttIngest';

const NOW = Date.parse('2026-07-15T14:00:00+08:00');
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

/** A sink that keeps what it is given and accepts every reading, or fails when told to. */
function recordingSink() {
  const batches: { batch: readonly (ParsedReading | ParsedPosition)[]; source: string }[] = [];
  const sink = {
    failing: false,
    async accept(batch: readonly (ParsedReading | ParsedPosition)[], source: string): Promise<IngestVerdict> {
      if (sink.failing) throw new Error('disk full');
      batches.push({ batch, source });
      const rejected = batch.flatMap((e, index) => ('error' in e ? [{ index, reason: e.error }] : []));
      return { accepted: batch.length - rejected.length, duplicates: 0, rejected };
    },
  };
  return { sink, batches };
}

describe('MQTT topics', () => {
  it('reads plain readings for the topic’s asset (with its measure if named) and hands them over under the integration’s name', async () => {
    const { sink, batches } = recordingSink();
    const ingest = new MqttIngest({ readings: sink, now: () => NOW });
    const outcome = await ingest.handle('cityops/v1/readings/waterGauge/WL-1', bytes({ t: NOW, v: 2.5 }), 'gauges');
    expect(outcome).toEqual({ ok: true, verdict: { accepted: 1, duplicates: 0, rejected: [] } });
    await ingest.handle('cityops/v1/readings/pumpStation/PS-1/flow', bytes([{ t: NOW, v: 3 }, { t: NOW, v: 'x' }]), 'gauges');
    expect(batches).toEqual([
      { batch: [{ kind: 'waterGauge', assetId: 'WL-1', tMs: NOW, v: 2.5 }], source: 'gauges' },
      { batch: [{ kind: 'pumpStation', assetId: 'PS-1', measure: 'flow', tMs: NOW, v: 3 }, { error: '"v" must be a finite number, not the string "x"' }], source: 'gauges' },
    ]);
    expect(ingest.status()).toEqual({ received: 2, refused: {}, entries: { accepted: 2, duplicates: 0, rejected: 1 } });
  });

  it('reads a SenML pack, relative times counted from now', async () => {
    const { sink, batches } = recordingSink();
    const ingest = new MqttIngest({ readings: sink, now: () => NOW });
    await ingest.handle('cityops/v1/senml', bytes([{ bn: 'underpass/UP-1/', n: 'depth', u: 'm', v: 0.25, t: -60 }]), 'gw');
    expect(batches[0].batch).toEqual([{ kind: 'underpass', assetId: 'UP-1', measure: 'depth', tMs: NOW - 60_000, v: 25 }]);
  });

  it('hands positions to the position sink, and refuses them where there is none', async () => {
    const readings = recordingSink();
    const positions = recordingSink();
    const payload = bytes({ t: NOW, lon: 121.47, lat: 31.23 });
    const without = new MqttIngest({ readings: readings.sink, now: () => NOW });
    expect(await without.handle('cityops/v1/positions/muckTruck/MT-1', payload, 'fleet')).toMatchObject({ ok: false, reason: 'noPositions' });
    const withSink = new MqttIngest({ readings: readings.sink, positions: positions.sink, now: () => NOW });
    expect(await withSink.handle('cityops/v1/positions/muckTruck/MT-1', payload, 'fleet')).toMatchObject({ ok: true });
    expect(positions.batches).toEqual([{ batch: [{ kind: 'muckTruck', assetId: 'MT-1', tMs: NOW, lon: 121.47, lat: 31.23 }], source: 'fleet' }]);
    expect(readings.batches).toEqual([]);
  });

  it('refuses whole messages it cannot read, counted by reason, handing nothing on', async () => {
    const { sink, batches } = recordingSink();
    const ingest = new MqttIngest({ readings: sink, now: () => NOW });
    const cases: [string, Buffer, string][] = [
      ['home/kitchen/temp', bytes({ t: NOW, v: 1 }), 'topic'],
      ['cityops/v1/readings/waterGauge', bytes({ t: NOW, v: 1 }), 'topic'],
      ['cityops/v1/readings/waterGauge//level', bytes({ t: NOW, v: 1 }), 'topic'],
      ['cityops/v1/senml/extra', bytes([]), 'topic'],
      ['cityops/v2/senml', bytes([]), 'topic'],
      ['cityops/v1/senml', bytes('[{"n": "a", "v": 1'), 'notJson'],
      ['cityops/v1/senml', bytes({ n: 'a', v: 1 }), 'payload'],
      ['cityops/v1/readings/waterGauge/WL-1', bytes('2.5'), 'payload'],
      ['cityops/v1/readings/waterGauge/WL-1', bytes(Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => ({ t: NOW, v: 1 }))), 'tooLarge'],
      ['cityops/v1/senml', Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 32), 'tooLarge'],
    ];
    for (const [topic, payload, reason] of cases) {
      const outcome = await ingest.handle(topic, payload, 'gw');
      expect(outcome, topic).toMatchObject({ ok: false, reason });
      expect((outcome as { message: string }).message.startsWith(topic)).toBe(true);
    }
    expect(batches).toEqual([]);
    expect(ingest.status()).toEqual({ received: cases.length, refused: { topic: 5, notJson: 1, payload: 2, tooLarge: 2 }, entries: { accepted: 0, duplicates: 0, rejected: 0 } });
  });

  it('rejects, and counts, when the sink cannot keep the batch, so the message is not acknowledged', async () => {
    const { sink } = recordingSink();
    sink.failing = true;
    const ingest = new MqttIngest({ readings: sink, now: () => NOW });
    await expect(ingest.handle('cityops/v1/readings/waterGauge/WL-1', bytes({ t: NOW, v: 1 }), 'gw')).rejects.toThrow('disk full');
    expect(ingest.status().refused).toEqual({ sinkFailed: 1 });
  });
});
