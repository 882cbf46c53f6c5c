/**
 * A client that stops reading (issue 17, finding 5): a raw Engine.IO WebSocket joins the feed, then
 * pauses its TCP socket while the server pushes a delta every 50 ms over a fine road grid. The server drops it once its
 * backlog passes the bound, counts the drop in /metrics and lets go of it (the hub's client count
 * falls), while a normal client stays connected and keeps receiving frames.
 */
import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../mock-server/server';
import { promSamples, sampleSum } from '../support/promSamples';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let normal: TestSocket;

beforeAll(async () => {
  // A finer road grid makes the catalogue and the deltas big enough to fill the loopback's buffers in seconds, as at the stress scale.
  server = await startTestServer({ tickMs: 50, socketStallSeconds: 1, roadGridKm: 0.3 });
  normal = connectClient(server.url);
  await nextEvent(normal, 'readings:snapshot');
}, 120_000);
afterAll(async () => {
  normal?.close();
  await server?.close();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const slowReaderDrops = async () => sampleSum(promSamples(await (await fetch(`${server.url}/metrics`)).text()), 'cityops_socket_drops_total', { reason: 'slowReader' });

/** Joins the main namespace over a raw WebSocket, then stops reading: resolves with the paused TCP socket. */
function stalledClient(): Promise<{ ws: WebSocket; tcp: TcpSocket }> {
  return new Promise((resolve, reject) => {
    let tcp: TcpSocket | undefined;
    // ws hands the TCP connection's options to createConnection: the test keeps the socket to pause it.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      createConnection: (options: { port: number; host: string }) => (tcp = tcpConnect(options)),
    } as WebSocket.ClientOptions);
    ws.on('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send('40');
      else if (text.startsWith('40')) {
        tcp!.pause();
        resolve({ ws, tcp: tcp! });
      }
    });
  });
}

describe('a client that stops reading', () => {
  it('is dropped past the bound and let go, while a normal client stays', async () => {
    expect(await slowReaderDrops()).toBe(0);
    const { ws, tcp } = await stalledClient();
    await until(() => server.hub.clientCount() === 2);
    // Within engine.io's ping timeout (45 s), which would close it uncounted.
    await until(async () => (await slowReaderDrops()) === 1, 40_000);
    await until(() => server.hub.clientCount() === 1);
    expect(normal.connected).toBe(true);
    const before = (await nextEvent(normal, 'readings:delta')).seq;
    expect((await nextEvent(normal, 'readings:delta')).seq).toBeGreaterThan(before);
    tcp.destroy();
    ws.terminate();
  }, 60_000);
});
