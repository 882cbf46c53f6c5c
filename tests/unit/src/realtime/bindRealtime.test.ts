import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packCatalog } from '@/protocol/catalogPacking';
import { encodeDelta } from '@/protocol/channelCodec';
import { packChannels } from '@/protocol/channelFrame';
import type { Alarm, CityEvent } from '@/protocol/cityEvents';
import type { Ack, WireSnapshot } from '@/protocol/events';
import { bindRealtime } from '@/realtime/bindRealtime';
import type { CitySocket } from '@/realtime/socket';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { miniCatalog, miniSnapshot } from '../../../support/miniCity';

/** Just enough of a socket.io client socket to drive bindRealtime: `fire` plays the server. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const emitted: { event: string; payload: unknown; ack: (r: Ack<WireSnapshot>) => void }[] = [];
  const socket = {
    on: (event: string, fn: (...args: unknown[]) => void) => handlers.set(event, fn),
    emit: (event: string, payload: unknown, ack: (r: Ack<WireSnapshot>) => void) => emitted.push({ event, payload, ack }),
    removeAllListeners: () => handlers.clear(),
    disconnect: () => socket,
    connect: () => socket,
  };
  return { socket: socket as unknown as CitySocket, emitted, fire: (event: string, ...args: unknown[]) => handlers.get(event)?.(...args) };
}

const catalog = miniCatalog({ rainGauge: 3, waterGauge: 1 });
const rainAt = (...v: number[]) => Float32Array.from(v);
const snapshot = (seq: number, rain: Float32Array): WireSnapshot => miniSnapshot(catalog, seq, { rain });
const delta = (seq: number, from: Float32Array, to: Float32Array, events: CityEvent[] = []) => ({
  seq,
  simTime: seq * 1000,
  sentAt: 0,
  channels: packChannels({ rain: encodeDelta(from, to)! }),
  events,
  vitals: { t: seq * 1000, values: [] },
});
const flushFrames = () => new Promise((r) => setTimeout(r, 5));

describe('bindRealtime', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('applies a snapshot and the deltas after it, in order, and marks the feed live', async () => {
    const { socket, fire } = fakeSocket();
    bindRealtime(socket);
    fire('connect');
    fire('city:catalog', packCatalog(catalog));
    const a = rainAt(0, 0, 0);
    const b = rainAt(1, 0, 0);
    const c = rainAt(1, 2, 0);
    fire('readings:snapshot', snapshot(10, a));
    fire('readings:delta', delta(11, a, b));
    fire('readings:delta', delta(12, b, c));
    await flushFrames();
    const live = useLiveStore();
    expect(Array.from(live.channels!.rain)).toEqual([1, 2, 0]);
    expect(live.frame!.seq).toBe(12);
    expect(useConnectionStore().state).toBe('live');
  });

  it('asks for a fresh snapshot on a sequence gap and carries on from it', async () => {
    const { socket, fire, emitted } = fakeSocket();
    bindRealtime(socket);
    fire('connect');
    fire('city:catalog', packCatalog(catalog));
    const a = rainAt(0, 0, 0);
    fire('readings:snapshot', snapshot(10, a));
    fire('readings:delta', delta(12, a, rainAt(5, 5, 5))); // 11 was lost
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ event: 'readings:resync', payload: { lastSeq: 10 } });
    fire('readings:delta', delta(13, a, rainAt(6, 6, 6))); // ignored until the snapshot arrives
    const fresh = rainAt(7, 8, 9);
    emitted[0].ack({ ok: true, data: snapshot(20, fresh) });
    fire('readings:delta', delta(21, fresh, rainAt(7, 8, 10)));
    await flushFrames();
    const live = useLiveStore();
    expect(Array.from(live.channels!.rain)).toEqual([7, 8, 10]);
    expect(live.frame!.seq).toBe(21);
  });

  it('keeps alarms, incidents and closures from the snapshot and every delta', async () => {
    const { socket, fire } = fakeSocket();
    bindRealtime(socket);
    fire('connect');
    fire('city:catalog', packCatalog(catalog));
    const a = rainAt(0, 0, 0);
    const alarm = (id: string, state: Alarm['state']) => ({ id, state, severity: 'critical', assetKind: 'underpass', slot: 0 }) as Alarm;
    fire('readings:snapshot', miniSnapshot(catalog, 1, { rain: a }, { alarms: [alarm('old', 'active')], incidents: [], closures: [], warnings: [] }));
    fire('readings:delta', delta(2, a, rainAt(1, 0, 0), [{ type: 'alarm', alarm: alarm('new', 'active') }]));
    fire('readings:delta', delta(3, rainAt(1, 0, 0), rainAt(2, 0, 0), [{ type: 'alarm', alarm: alarm('old', 'cleared') }]));
    await flushFrames();
    const events = useCityEventsStore();
    expect([...events.alarms.keys()]).toEqual(['new']);
    expect(events.takeRaised().map((x) => x.id)).toEqual(['new']);
  });

  it('shows the feed as disconnected when the socket drops', () => {
    const { socket, fire } = fakeSocket();
    bindRealtime(socket);
    fire('connect');
    fire('disconnect');
    expect(useConnectionStore().state).toBe('disconnected');
  });
});
