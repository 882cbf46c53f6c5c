import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { applyChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import { toCatalogView } from '../../src/protocol/catalogView';
import type { Ack, WireDelta, WireSnapshot } from '../../src/protocol/events';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
const sockets: TestSocket[] = [];
const client = () => {
  const s = connectClient(server.url);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

describe('live feed over socket.io', () => {
  it('greets a client with the catalogue, a snapshot, then deltas numbered one by one', async () => {
    const socket = client();
    const catalogP = nextEvent(socket, 'city:catalog');
    const snapshotP = nextEvent(socket, 'readings:snapshot');
    const deltas: WireDelta[] = [];
    socket.on('readings:delta', (d) => deltas.push(d));
    const catalog = toCatalogView(unpackCatalog(await catalogP));
    const snapshot = await snapshotP;
    expect(catalog.groups.rainGauge.count).toBe(550);
    expect(catalog.groups.waterGauge.count).toBe(157);
    expect(snapshot.catalogVersion).toBe(catalog.version);
    await expect.poll(() => deltas.length, { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    const seqs = deltas.map((d) => d.seq);
    expect(seqs[0]).toBe(snapshot.seq + 1);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe(seqs[i - 1] + 1));
    // Readings travel as one binary attachment per frame, not as JSON numbers.
    expect(snapshot.channels).toBeInstanceOf(Buffer);
    expect(Object.keys(unpackChannels(snapshot.channels))).toContain('rain');
  });

  it('does not resend the catalogue to a client that reconnects holding the same version', async () => {
    const version = server.feed.catalog.version;
    const again = connectClient(server.url, { catalog: version });
    const stale = connectClient(server.url, { catalog: 'an-older-version' });
    sockets.push(again, stale);
    const catalogs: string[] = [];
    again.on('city:catalog', () => catalogs.push('again'));
    const staleCatalog = nextEvent(stale, 'city:catalog');
    const snapshot = await nextEvent(again, 'readings:snapshot');
    expect(snapshot.catalogVersion).toBe(version);
    expect((await staleCatalog).version).toBe(version);
    // The delta after the snapshot has arrived, so a catalogue sent before it would have too.
    await nextEvent(again, 'readings:delta');
    expect(catalogs).toEqual([]);
  });

  it('lets a client rebuild exactly the state a fresh snapshot holds', async () => {
    const socket = client();
    // Listening from the start: packets that arrive together (a polling payload under load) are
    // dispatched in one go, so a delta right behind the snapshot would reach no listener added after it.
    const deltas: WireDelta[] = [];
    socket.on('readings:delta', (d) => deltas.push(d));
    const catalogP = nextEvent(socket, 'city:catalog');
    const firstP = nextEvent(socket, 'readings:snapshot');
    const catalog = toCatalogView(unpackCatalog(await catalogP));
    const first = await firstP;
    const rain = new Float32Array(catalog.groups.rainGauge.count);
    const water = new Float32Array(catalog.groups.waterGauge.count);
    const firstFrames = unpackChannels(first.channels);
    applyChannel(rain, firstFrames.rain!);
    applyChannel(water, firstFrames.water!);
    await expect.poll(() => deltas.filter((d) => d.seq > first.seq).length, { timeout: 5000 }).toBeGreaterThanOrEqual(10);
    const fresh = await socket.emitWithAck('readings:resync', { lastSeq: first.seq });
    expect(fresh.ok).toBe(true);
    const snap = (fresh as { ok: true; data: WireSnapshot }).data;
    // The snapshot can be answered before the delta of its own seq reaches this socket: the feed has
    // published it, the fan-out sends it a loop turn later. Rebuild once every delta up to it is here.
    await expect.poll(() => deltas.some((d) => d.seq >= snap.seq), { timeout: 5000 }).toBe(true);
    for (const d of deltas.filter((x) => x.seq > first.seq && x.seq <= snap.seq && x.channels)) {
      const frames = unpackChannels(d.channels!);
      if (frames.rain) applyChannel(rain, frames.rain);
      if (frames.water) applyChannel(water, frames.water);
    }
    const expectRain = new Float32Array(rain.length);
    const expectWater = new Float32Array(water.length);
    const snapFrames = unpackChannels(snap.channels);
    applyChannel(expectRain, snapFrames.rain!);
    applyChannel(expectWater, snapFrames.water!);
    expect(rain).toEqual(expectRain);
    expect(water).toEqual(expectWater);
  });

  it('answers a malformed command with a clear error and stays up', async () => {
    const socket = client();
    await nextEvent(socket, 'readings:snapshot');
    const bad = (await socket.emitWithAck('readings:resync', { lastSeq: 'yesterday' } as never)) as Ack<unknown>;
    expect(bad).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/readings:resync: lastSeq: .*number/) } });
    const extra = (await socket.emitWithAck('readings:resync', { lastSeq: 1, admin: true } as never)) as Ack<unknown>;
    expect(extra.ok === false && extra.error.message).toMatch(/admin/);
    const notObject = (await socket.emitWithAck('readings:resync', 'garbage' as never)) as Ack<unknown>;
    expect(notObject.ok).toBe(false);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('refuses unknown events, on the ack when there is one, else as server:error', async () => {
    const socket = client();
    await nextEvent(socket, 'readings:snapshot');
    const raw = socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<Ack<unknown>>; emit(e: string, ...a: unknown[]): void };
    const acked = await raw.emitWithAck('incident:delete', { id: 1 });
    expect(acked).toEqual({ ok: false, error: { code: 'UNKNOWN_EVENT', message: expect.stringContaining('incident:delete') } });
    const errorP = nextEvent(socket, 'server:error');
    raw.emit('sim:explode');
    expect(await errorP).toMatchObject({ event: 'sim:explode', code: 'UNKNOWN_EVENT' });
  });

  it('reports health with version, uptime, simulator state and connected clients', async () => {
    const res = await fetch(`${server.url}/api/health`);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      uptimeS: expect.any(Number),
      clients: expect.any(Number),
      simulator: { running: true, speed: 60, tickMs: 100, scenario: 'showers', assets: { rainGauge: 550, waterGauge: 157 } },
    });
    expect(body.clients).toBeGreaterThanOrEqual(1);
  });

  it('gives the browser its runtime configuration', async () => {
    const res = await fetch(`${server.url}/api/config`);
    expect(await res.json()).toEqual({ version: expect.any(String), mapStyleUrl: null, demo: true });
    const custom = await startTestServer({ mapStyleUrl: 'https://tiles.example.org/style.json' });
    try {
      const body = await (await fetch(`${custom.url}/api/config`)).json();
      expect(body.mapStyleUrl).toBe('https://tiles.example.org/style.json');
    } finally {
      await custom.close();
    }
  });

  it('answers unknown API paths and methods with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('/api/nothing-here') } });
    const post = await fetch(`${server.url}/api/health`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(404);
  });
});

describe('run-time scenario switch', () => {
  it('lets anyone watching read the scenario, only an admin switch it, and refuses a bad scenario', async () => {
    const put = (body: string, auth?: string) =>
      fetch(`${server.url}/api/sim/scenario`, { method: 'PUT', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body });
    // Demo mode: an anonymous viewer may read but not switch.
    expect((await (await fetch(`${server.url}/api/sim/scenario`)).json()).scenario).toBe('showers');
    expect((await put('{"scenario":"storm"}')).status).toBe(401);
    expect((await put('{"scenario":"storm"}', 'Bearer wrong-token-wrong-token-00')).status).toBe(401);

    const login = async (username: string, password: string) =>
      (await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).json()).token as string;
    const operator = await login('operator', 'operator-demo');
    const forbidden = await put('{"scenario":"storm"}', `Bearer ${operator}`);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('administer') });

    const admin = await login('admin', 'admin-demo');
    const bad = await put('{"scenario":"hurricane"}', `Bearer ${admin}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('BAD_REQUEST');
    expect((await put('not json', `Bearer ${admin}`)).status).toBe(400);
    const ok = await put('{"scenario":"storm"}', `Bearer ${admin}`);
    expect(await ok.json()).toEqual({ scenario: 'storm' });
    expect((await (await fetch(`${server.url}/api/health`)).json()).simulator.scenario).toBe('storm');
    // Put the shared server back the way the other tests expect it.
    await put('{"scenario":"showers"}', `Bearer ${admin}`);
  });
});
