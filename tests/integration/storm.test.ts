/**
 * A storm at high speed over the real server: underpass alarms, road-closure notices and incidents
 * arrive over socket.io in the live frames, and a late joiner's snapshot carries the active sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { Alarm, Closure, Incident } from '../../src/protocol/cityEvents';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let socket: TestSocket;
const alarms: Alarm[] = [];
const closures: Closure[] = [];
const incidents: Incident[] = [];

beforeAll(async () => {
  // Ten simulated minutes per second of wall time.
  server = await startTestServer({ scenario: 'storm', speed: 600, tickMs: 200 });
  socket = connectClient(server.url);
  socket.on('readings:delta', (d) => {
    for (const e of d.events) {
      if (e.type === 'alarm') alarms.push(e.alarm);
      else if (e.type === 'closure') closures.push(e.closure);
      else if (e.type === 'incident') incidents.push(e.incident);
    }
  });
  await nextEvent(socket, 'readings:snapshot');
});

afterAll(async () => {
  socket?.disconnect();
  await server?.close();
});

describe('a storm over the live feed', () => {
  it('raises underpass alarms that close roads and open incidents', async () => {
    await expect
      .poll(() => closures.some((c) => c.state === 'active') && incidents.some((i) => i.category === 'underpassFlooding'), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(true);
    const critical = alarms.find((a) => a.ruleId === 'underpass.depth' && a.severity === 'critical')!;
    expect(critical).toBeDefined();
    expect(critical.value).toBeGreaterThan(12);
    const closure = closures.find((c) => c.alarmId === critical.id) ?? closures[0];
    expect(closure.notified).toBe('trafficPolice');
    expect(closure.segments.length).toBeGreaterThan(0);
    const incident = incidents.find((i) => i.category === 'underpassFlooding')!;
    expect(incident).toMatchObject({ priority: 1, unit: 'waterAuthority', source: 'rule', assetKind: 'underpass' });
  });

  it('moves incidents on: teams are dispatched and arrive', async () => {
    await expect.poll(() => incidents.some((i) => i.status === 'onSite' && i.teamSlot !== null), { timeout: 60_000, interval: 250 }).toBe(true);
  });

  it('hands a late joiner the active alarms, closures and open incidents in its snapshot', async () => {
    const late = connectClient(server.url);
    try {
      const snapshot = await nextEvent(late, 'readings:snapshot');
      expect(snapshot.events.alarms.length).toBeGreaterThan(0);
      expect(snapshot.events.incidents.length).toBeGreaterThan(0);
      expect(snapshot.events.alarms.every((a) => a.state === 'active')).toBe(true);
      expect(snapshot.events.incidents.every((i) => i.status !== 'closed')).toBe(true);
    } finally {
      late.disconnect();
    }
  });
});
