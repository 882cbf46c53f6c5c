/**
 * Outbound webhooks over the real server (issue 16, "Notices out") with a real local HTTP receiver:
 * a new incident is delivered, signed (the receiver checks the HMAC the way docs/api.md tells a
 * receiver to), retried under the same delivery id while the receiver fails, and delivered after the
 * server is stopped with it undelivered and started again on the same data directory; across all of
 * it no event is lost and none arrives under two delivery ids. The admin API adds, lists and removes;
 * a reassignment to another team is sent as a dispatch of its own.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { loadWebhooksFile } from '../../mock-server/webhooks/webhooksFile';
import { startTestServer } from '../support/testServer';

const SECRET = 'a-receiver-shared-secret-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'cityops-webhooks-'));

interface Received {
  delivery: string;
  event: string;
  signature: string;
  body: string;
  answered: number;
}

let receiver: Server;
let receiverUrl = '';
/** How the receiver answers now: 'ok' (204) or 'fail' (503). */
let mode: 'ok' | 'fail' = 'ok';
const received: Received[] = [];
let server: RunningServer;

/** The receiver's own check, written from the documentation: HMAC-SHA256 of `t.body`, hex, compared with v1. */
function signedBy(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  return createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex') === parts.v1;
}

async function start(): Promise<RunningServer> {
  const file = join(dataDir, 'webhooks.yaml');
  writeFileSync(file, `retry:\n  baseMs: 100\n  maxMs: 400\nwebhooks:\n  - id: desk-log\n    url: ${receiverUrl}\n    secret: ${SECRET}\n    events: [incident.created]\n`);
  return startTestServer({ dataDir, autopilot: false, webhooks: loadWebhooksFile(file) });
}

async function token(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { token: string }).token;
}

async function api(method: string, path: string, tok: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
}

async function reportIncident(description: string): Promise<string> {
  const res = await api('POST', '/api/incidents', await token('dispatcher', 'dispatcher-demo'), { category: 'litter', location: [121.47, 31.23], description });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const forIncident = (id: string) => received.filter((r) => JSON.parse(r.body).data.id === id);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += String(c)));
    req.on('end', () => {
      const answered = mode === 'ok' ? 204 : 503;
      received.push({ delivery: String(req.headers['x-cityops-delivery']), event: String(req.headers['x-cityops-event']), signature: String(req.headers['x-cityops-signature']), body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  server = await start();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await new Promise((done) => receiver.close(done));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('outbound webhooks', () => {
  it('delivers a new incident, signed with the webhook secret', async () => {
    const id = await reportIncident('bags left at the bus stop');
    await expect.poll(() => forIncident(id).length, { timeout: 15_000, interval: 50 }).toBe(1);
    const [got] = forIncident(id);
    expect(got.event).toBe('incident.created');
    expect(signedBy(SECRET, got.signature, got.body)).toBe(true);
    expect(signedBy('another-secret-0123456789', got.signature, got.body)).toBe(false);
    expect(JSON.parse(got.body)).toMatchObject({ id: `incident.created:${id}:v1`, type: 'incident.created', data: { id, status: 'new' } });
  });

  it('retries under the same delivery id until the receiver answers 2xx', async () => {
    mode = 'fail';
    const id = await reportIncident('a sofa on the pavement');
    await expect.poll(() => forIncident(id).length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    mode = 'ok';
    await expect.poll(() => forIncident(id).some((r) => r.answered === 204), { timeout: 15_000, interval: 50 }).toBe(true);
    const attempts = forIncident(id);
    expect(new Set(attempts.map((r) => r.delivery)).size).toBe(1);
    expect(attempts.every((r) => signedBy(SECRET, r.signature, r.body))).toBe(true);
  });

  it('delivers what was undelivered when the server stopped, after it starts again on the same data', async () => {
    mode = 'fail';
    const id = await reportIncident('a broken bench by the river');
    await expect.poll(() => forIncident(id).length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(1);
    await server.close();
    const before = forIncident(id);
    expect(before.every((r) => r.answered === 503)).toBe(true);
    mode = 'ok';
    server = await start();
    await expect.poll(() => forIncident(id).some((r) => r.answered === 204), { timeout: 15_000, interval: 50 }).toBe(true);
    expect(new Set(forIncident(id).map((r) => r.delivery))).toEqual(new Set([before[0].delivery]));
  }, 60_000);

  it('never loses an event or sends one under two delivery ids', async () => {
    // Everything sent so far (the city's own new incidents too) is acknowledged in the end…
    await expect.poll(async () => (await api('GET', '/api/admin/webhooks', await token('admin', 'admin-demo'))).body.webhooks[0].pending, { timeout: 15_000, interval: 100 }).toBe(0);
    const deliveriesOf = new Map<string, Set<string>>();
    for (const r of received) deliveriesOf.set(JSON.parse(r.body).id, (deliveriesOf.get(JSON.parse(r.body).id) ?? new Set()).add(r.delivery));
    // …each event under one delivery id, and each one acknowledged.
    for (const [event, ids] of deliveriesOf) expect([event, ids.size]).toEqual([event, 1]);
    const acked = new Set(received.filter((r) => r.answered === 204).map((r) => JSON.parse(r.body).id));
    expect([...deliveriesOf.keys()].filter((e) => !acked.has(e))).toEqual([]);
  });

  it('lets an admin list, add and remove webhooks, and no one else', async () => {
    const admin = await token('admin', 'admin-demo');
    const dispatcher = await token('dispatcher', 'dispatcher-demo');
    expect((await api('GET', '/api/admin/webhooks', dispatcher)).status).toBe(403);
    const added = await api('POST', '/api/admin/webhooks', admin, { id: 'police', url: receiverUrl, secret: 'x'.repeat(20), events: ['closure.issued'] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'police', origin: 'api', pending: 0 });
    expect(added.body).not.toHaveProperty('secret');
    expect((await api('POST', '/api/admin/webhooks', admin, { id: 'police', url: receiverUrl, secret: 'x'.repeat(20), events: ['closure.issued'] })).status).toBe(409);
    const bad = await api('POST', '/api/admin/webhooks', admin, { url: 'ftp://x', secret: 'short', events: ['nothing'] });
    expect(bad.status).toBe(400);
    const list = (await api('GET', '/api/admin/webhooks', admin)).body.webhooks as { id: string; origin: string }[];
    expect(list.map((h) => [h.id, h.origin])).toEqual([['desk-log', 'file'], ['police', 'api']]);
    expect((await api('DELETE', '/api/admin/webhooks/desk-log', admin)).status).toBe(409);
    expect((await api('DELETE', '/api/admin/webhooks/police', admin)).status).toBe(204);
    expect((await api('DELETE', '/api/admin/webhooks/police', admin)).status).toBe(404);
  });

  it('sends a reassignment to another team as a dispatch of its own, under its own event id', async () => {
    mode = 'ok';
    const admin = await token('admin', 'admin-demo');
    expect((await api('POST', '/api/admin/webhooks', admin, { id: 'dispatch-log', url: receiverUrl, secret: SECRET, events: ['incident.dispatched'] })).status).toBe(201);
    const dispatcher = await token('dispatcher', 'dispatcher-demo');
    // A category our own teams handle, and that the desk never dispatches by itself.
    const report = await api('POST', '/api/incidents', dispatcher, { category: 'waterlogging', location: [121.47, 31.23], description: 'water over the kerb' });
    expect(report.status).toBe(201);
    const id = report.body.id as string;
    const teams = (await api('GET', `/api/incidents/${id}/teams`, dispatcher)).body.teams as { teamId: string }[];
    expect(teams.length).toBeGreaterThanOrEqual(2);
    const first = await api('POST', `/api/incidents/${id}/dispatch`, dispatcher, { expectedVersion: 1, teamId: teams[0].teamId });
    expect(first.status).toBe(200);
    const second = await api('POST', `/api/incidents/${id}/dispatch`, dispatcher, { expectedVersion: first.body.version, teamId: teams[1].teamId });
    expect(second.status).toBe(200);
    const dispatched = () => forIncident(id).filter((r) => r.event === 'incident.dispatched' && r.answered === 204).map((r) => JSON.parse(r.body));
    await expect.poll(() => dispatched().length, { timeout: 15_000, interval: 50 }).toBe(2);
    const [sent, resent] = dispatched().sort((a, b) => a.data.version - b.data.version);
    expect(sent.id).toBe(`incident.dispatched:${id}:v${first.body.version}`);
    expect(resent.id).toBe(`incident.dispatched:${id}:v${second.body.version}`);
    expect(resent.data.workOrderId).not.toBe(sent.data.workOrderId);
  });
});
