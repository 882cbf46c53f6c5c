/**
 * The example feed client (examples/feed-client, docs/feed.md) against the real server: a plain Node
 * process with the stock socket.io client signs in, and every water level it prints is the one our
 * own codec reads from the same frame.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import { toCatalogView, type AssetGroupView } from '../../src/protocol/catalogView';
import { applyChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import { connectClient, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const EXAMPLE = fileURLToPath(new URL('../../examples/feed-client/print-water-levels.mjs', import.meta.url));
const PASSWORD = 'feed-example-admin-password';
const FRAMES = 20;
const LINE = /^\[seq (\d+)\] (.+): (no data|-?\d+\.\d\d m)(?: \(above (warning|danger)\))?$/;

let server: RunningServer;
let reference: TestSocket;
let gauges: AssetGroupView | undefined;
/** The water levels after each frame, as our own client decodes them. */
const levelsAt = new Map<number, Float32Array>();

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminPassword: PASSWORD, tickMs: 200 });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  reference = connectClient(server.url, { token: ((await login.json()) as { token: string }).token });
  let levels: Float32Array | undefined;
  let last = -1;
  reference.on('city:catalog', (packed) => (gauges = toCatalogView(unpackCatalog(packed)).groups.waterGauge));
  reference.on('readings:snapshot', (snapshot) => {
    levels = new Float32Array(gauges!.count);
    applyChannel(levels, unpackChannels(snapshot.channels).water!);
    levelsAt.set((last = snapshot.seq), levels.slice());
  });
  reference.on('readings:delta', (delta) => {
    if (!levels || (delta.baseSeq ?? delta.seq - 1) !== last) return;
    const frame = delta.channels && unpackChannels(delta.channels).water;
    if (frame) applyChannel(levels, frame);
    levelsAt.set((last = delta.seq), levels.slice());
  });
  await vi.waitFor(() => expect(levelsAt.size).toBeGreaterThan(0), { timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  reference?.close();
  await server?.close();
});

function runExample(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EXAMPLE], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill(), 45_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the example feed client', () => {
  it('imports nothing but the stock socket.io client', () => {
    const imports = [...readFileSync(EXAMPLE, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['socket.io-client']);
  });

  it('signs in and prints every gauge by name with the level the live frames carry', async () => {
    const run = await runExample({ CITYOPS_URL: server.url, CITYOPS_USERNAME: 'admin', CITYOPS_PASSWORD: PASSWORD, CITYOPS_FRAMES: String(FRAMES) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [head, ...lines] = run.stdout.trim().split('\n');
    expect(head).toBe(`catalogue ${server.feed.catalog.version}: ${gauges!.count} water gauges`);
    const printed = lines.map((line) => {
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      return { seq: Number(m![1]), name: m![2], level: m![3], mark: m![4] };
    });
    // The snapshot: every gauge once, in slot order, by its name in the catalogue. (A resync may
    // print a whole snapshot again later, possibly at the same seq; the loop below checks its levels too.)
    const first = printed[0].seq;
    expect(printed.slice(0, gauges!.count).map((p) => [p.seq, p.name])).toEqual(gauges!.names.map((name) => [first, name]));
    let checked = 0;
    for (const p of printed) {
      const slot = gauges!.names.indexOf(p.name);
      expect(slot, p.name).toBeGreaterThanOrEqual(0);
      const levels = levelsAt.get(p.seq);
      if (!levels) continue;
      const level = levels[slot];
      expect(p.level, `${p.name} at seq ${p.seq}`).toBe(Number.isNaN(level) ? 'no data' : `${level.toFixed(2)} m`);
      const mark = level >= gauges!.thresholds.danger[slot] ? 'danger' : level >= gauges!.thresholds.warning[slot] ? 'warning' : undefined;
      expect(p.mark, `${p.name} at seq ${p.seq}`).toBe(mark);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(gauges!.count);
    expect(printed.some((p) => p.level !== 'no data')).toBe(true);
    // Levels that changed in the deltas after it (the tide moves some gauge every few frames).
    expect(printed.filter((p) => p.seq > first).length).toBeGreaterThan(0);
  }, 60_000);

  it('says why when the token is refused, and stops', async () => {
    const run = await runExample({ CITYOPS_URL: server.url, CITYOPS_TOKEN: 'not-a-token' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cannot connect: unauthorized/);
  }, 60_000);
});
