/**
 * The city's own notices as webhooks (issue 16): under a fast storm the rules raise critical underpass
 * alarms and the desk issues road-closure notices to the traffic police, and a webhook added through
 * the admin API receives both, signed, each closure naming a critical alarm it was also sent.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const SECRET = 'traffic-police-shared-secret';
let receiver: Server;
let server: RunningServer;
const received: { delivery: string; event: string; signature: string; body: string }[] = [];

function signedBy(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  return createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex') === parts.v1;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += String(c)));
    req.on('end', () => {
      received.push({ delivery: String(req.headers['x-cityops-delivery']), event: String(req.headers['x-cityops-event']), signature: String(req.headers['x-cityops-signature']), body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  server = await startTestServer({ scenario: 'storm', speed: 600, tickMs: 200 });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-demo' }) });
  const { token } = (await login.json()) as { token: string };
  const added = await fetch(`${server.url}/api/admin/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ id: 'traffic-police', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET, events: ['alarm.critical', 'closure.issued'] }),
  });
  expect(added.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await new Promise((done) => receiver.close(done));
});

describe('the storm’s notices as webhooks', () => {
  it('sends critical alarms and road-closure notices, signed', async () => {
    await expect.poll(() => received.some((r) => r.event === 'closure.issued'), { timeout: 60_000, interval: 250 }).toBe(true);
    expect(received.every((r) => signedBy(SECRET, r.signature, r.body))).toBe(true);
    const bodies = received.map((r) => JSON.parse(r.body));
    const alarms = bodies.filter((b) => b.type === 'alarm.critical');
    expect(alarms.length).toBeGreaterThan(0);
    expect(alarms.every((a) => a.data.severity === 'critical')).toBe(true);
    const closures = bodies.filter((b) => b.type === 'closure.issued');
    for (const closure of closures) {
      expect(closure.data).toMatchObject({ notified: 'trafficPolice', state: 'active' });
      expect(closure.id).toBe(`closure.issued:${closure.data.id}`);
    }
    // A closure's critical alarm reaches the receiver too (one raised before the webhook was added would not: hence "some").
    const alarmIds = () => new Set(received.map((r) => JSON.parse(r.body)).filter((b) => b.type === 'alarm.critical').map((b) => b.data.id));
    await expect.poll(() => received.map((r) => JSON.parse(r.body)).some((b) => b.type === 'closure.issued' && alarmIds().has(b.data.alarmId)), { timeout: 60_000, interval: 250 }).toBe(true);
    expect(new Set(received.map((r) => r.delivery)).size).toBe(received.length);
  }, 90_000);
});
