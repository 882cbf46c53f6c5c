/**
 * Malformed Socket.IO / Engine.IO frames from the socket.io project's own parser tests
 * (tests/fixtures/socketio-protocol, copied from the shared data), sent raw over a WebSocket: the server must
 * close or refuse the offending connection and keep serving everyone else.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

interface BadFrame {
  websocket_frame: string;
  expected: string;
}
const cases: BadFrame[] = JSON.parse(
  readFileSync(new URL('../fixtures/socketio-protocol/bad-frames.json', import.meta.url), 'utf8'),
).cases;
// This one is a behaviour (idle after the handshake), not a frame to send.
const frames = cases.filter((c) => !c.websocket_frame.startsWith('('));

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Opens a raw Engine.IO WebSocket, joins the main namespace, sends the frame, reports what happened. */
function sendRaw(frame: string): Promise<{ closed: boolean; messages: string[] }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const messages: string[] = [];
    let sent = false;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      if (!closed) ws.terminate();
      resolve({ closed, messages });
    };
    const timer = setTimeout(() => finish(false), 1500);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send('40');
      else if (text.startsWith('40') && !sent) {
        sent = true;
        ws.send(frame);
      } else messages.push(text);
    });
    ws.on('close', () => finish(true));
    ws.on('error', () => finish(true));
  });
}

describe('malformed socket.io frames', () => {
  it.each(frames.map((c) => [c.websocket_frame.slice(0, 40), c] as const))('survives %s', async (_, c) => {
    const { closed, messages } = await sendRaw(c.websocket_frame);
    if (c.expected.includes('CONNECT_ERROR')) {
      expect(messages.some((m) => m.startsWith('44/random'))).toBe(true);
    } else if (/close|throws|reject/.test(c.expected)) {
      expect(closed).toBe(true);
    }
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('still serves a well-behaved client afterwards', async () => {
    const socket = connectClient(server.url);
    const snapshot = await nextEvent(socket, 'readings:snapshot');
    expect(snapshot.seq).toBeGreaterThan(0);
    socket.disconnect();
  });
});
