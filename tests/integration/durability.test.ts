/**
 * An acknowledged work order survives the server being killed (SIGKILL, no shutdown hook) right
 * after it answered: the real server runs as a child process on a data directory, is killed the
 * moment the dispatch is acknowledged, and restarts into the same state — the incident dispatched
 * with the same work order, its audit trail, the open incidents back on the desk, the simulated clock
 * resumed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, IncidentView } from '../../src/protocol/workOrders';
import { connectClient, nextEvent } from '../support/socketClient';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-durability-'));
let child: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `mock-server/index.ts` as its own process (node + tsx, no npx wrapper, so SIGKILL hits the server itself). */
async function startProcess(port: number): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'mock-server/index.ts', '--demo', 'yes'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CITYOPS_DATA_DIR: dataDir,
      CITYOPS_SCENARIO: 'storm',
      CITYOPS_SPEED: '60',
      CITYOPS_TICK_MS: '200',
      CITYOPS_AUTOPILOT: 'no',
      CITYOPS_START: '2026-07-15T14:00:00+08:00',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${stderr}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return { proc, url };
    if (Date.now() > deadline) throw new Error(`server did not come up: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'dispatcher-demo' }) });
  return ((await res.json()) as { token: string }).token;
}

const get = async (url: string, path: string, token: string) => (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps an acknowledged dispatch through a SIGKILL right after the answer, and restarts into the same state', async () => {
    const port = await freePort();
    const first = await startProcess(port);
    child = first.proc;
    let token = await login(first.url);
    let waiting: IncidentView[] = [];
    await expect
      .poll(
        async () => {
          waiting = (await get(first.url, '/api/incidents?status=new', token)).incidents;
          return waiting.length;
        },
        { timeout: 45_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(2);
    const target = waiting[0];
    const res = await fetch(`${first.url}/api/incidents/${target.id}/dispatch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ expectedVersion: target.version, note: 'before the crash' }),
    });
    // Killed the moment the answer is in: no shutdown hook, no chance to flush anything more.
    first.proc.kill('SIGKILL');
    expect(res.status).toBe(200);
    const acknowledged = (await res.json()) as IncidentView;
    if (first.proc.exitCode === null) await new Promise<void>((resolve) => first.proc.once('exit', () => resolve()));

    const second = await startProcess(port);
    child = second.proc;
    token = await login(second.url);
    const after = (await get(second.url, `/api/incidents/${target.id}`, token)) as IncidentView;
    expect(['dispatched', 'accepted', 'onSite', 'resolved']).toContain(after.status);
    expect(after.workOrderId).toBe(acknowledged.workOrderId);
    expect(after.version).toBeGreaterThanOrEqual(acknowledged.version);
    const audit = (await get(second.url, `/api/incidents/${target.id}/audit`, token)).entries as AuditEntry[];
    expect(audit.find((e) => e.action === 'dispatch')).toMatchObject({ note: 'before the crash', actor: { name: 'dispatcher' }, version: acknowledged.version });
    // The other waiting incident is back on the desk too, and both reach a client in the snapshot.
    const socket = connectClient(second.url);
    const snapshot = await nextEvent(socket, 'readings:snapshot', 15_000);
    socket.disconnect();
    const open = new Set(snapshot.events.incidents.map((i) => i.id));
    expect(open.has(waiting[1].id)).toBe(true);
    if (after.status !== 'resolved') expect(open.has(target.id)).toBe(true);
    // The simulated clock resumed where it stopped, not at the configured start.
    expect(snapshot.simTime).toBeGreaterThanOrEqual(acknowledged.updatedAt);
    // New incidents do not reuse an old id.
    const ids = (await get(second.url, '/api/incidents?limit=1000', token)).incidents.map((i: IncidentView) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    second.proc.kill('SIGTERM');
    await new Promise<void>((resolve) => second.proc.once('exit', () => resolve()));
  }, 150_000);
});
