/**
 * The road-closure notice to the traffic police as the wall sees it (issue 16, "Notices out"): under a
 * fast storm the desk issues closure notices, a traffic-police receiver configured in the webhooks
 * file first answers 500 and then recovers, and the closures that reach a stock socket.io client
 * follow the durable outbox — sending, with the retries and the receiver's error, then delivered,
 * at a time after the receiver recovered — in the deltas and in a fresh snapshot alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { loadWebhooksFile } from '../../mock-server/webhooks/webhooksFile';
import type { Closure } from '../../src/protocol/cityEvents';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-closure-notices-'));
let receiver: Server;
let server: RunningServer;
let socket: TestSocket;
/** How the traffic police's receiver answers now. */
let answer = 500;
const answered: { event: string; status: number }[] = [];
/** Every closure as the deltas carried it, in order. */
const seen: Closure[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      answered.push({ event: String(req.headers['x-cityops-event']), status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const file = join(dataDir, 'webhooks.yaml');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/closures`;
  writeFileSync(file, `retry:\n  baseMs: 100\n  maxMs: 300\nwebhooks:\n  - id: traffic-police\n    url: ${url}\n    secret: traffic-police-shared-secret\n    events: [closure.issued]\n`);
  server = await startTestServer({ scenario: 'storm', speed: 600, tickMs: 200, webhooks: loadWebhooksFile(file) });
  socket = connectClient(server.url);
  socket.on('readings:delta', (d) => {
    for (const e of d.events) if (e.type === 'closure') seen.push(e.closure);
  });
  await nextEvent(socket, 'readings:snapshot');
}, 60_000);

afterAll(async () => {
  socket?.disconnect();
  await server?.close();
  await new Promise((done) => receiver.close(done));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the closure notice’s delivery on the wall', () => {
  it('is sending with its retries while the receiver fails, then delivered after it recovers', async () => {
    const retrying = () => seen.find((c) => c.notice?.state === 'sending' && c.notice.attempts >= 2);
    await expect.poll(() => retrying() !== undefined, { timeout: 60_000, interval: 100 }).toBe(true);
    const closure = retrying()!;
    expect(closure.notice).toMatchObject({ state: 'sending', lastError: 'HTTP 500' });
    // Known to be on its way from the first word on (never "not configured"); the retries only count up.
    const attempts = seen.filter((c) => c.id === closure.id && c.notice).map((c) => (c.notice?.state === 'sending' ? c.notice.attempts : -1));
    expect(attempts.every((n, i) => n >= 0 && (i === 0 || n > attempts[i - 1]))).toBe(true);
    expect(answered.some((a) => a.event === 'closure.issued' && a.status === 500)).toBe(true);

    const recoveredAt = Date.now();
    answer = 204;
    const delivered = () => seen.find((c) => c.id === closure.id && c.notice?.state === 'delivered');
    await expect.poll(() => delivered() !== undefined, { timeout: 15_000, interval: 50 }).toBe(true);
    const notice = delivered()!.notice;
    expect(notice?.state === 'delivered' && notice.deliveredAt).toBeGreaterThanOrEqual(recoveredAt);

    // A screen that (re)loads now gets each active closure with its notice as the outbox has it.
    const snapshot = await socket.emitWithAck('readings:resync', {});
    expect(snapshot.ok).toBe(true);
    const closures = snapshot.ok ? snapshot.data.events.closures : [];
    const lastSeen = new Map(seen.map((c) => [c.id, c]));
    for (const c of closures) if (lastSeen.get(c.id)?.notice) expect([c.id, c.notice]).toEqual([c.id, lastSeen.get(c.id)!.notice]);
    const stillActive = closures.find((c) => c.id === closure.id);
    if (stillActive) expect(stillActive.notice).toMatchObject({ state: 'delivered' });
  }, 90_000);
});
