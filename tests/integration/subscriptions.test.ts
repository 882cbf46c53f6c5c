/**
 * Per-view subscriptions over the real server: a view that asks for some channels gets a snapshot
 * of just those and then deltas carrying only those, while a wall on the same server keeps getting
 * everything, both in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { unpackChannels } from '../../src/protocol/channelFrame';
import type { Ack, WireDelta, WireSnapshot } from '../../src/protocol/events';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ scenario: 'storm' });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

const channelsOf = (chunk: WireDelta['channels']) => (chunk ? Object.keys(unpackChannels(chunk)).sort() : []);

describe('view subscriptions', () => {
  it('sends a subscribed view only its channels, and the wall everything', async () => {
    const wall = connectClient(server.url);
    const view = connectClient(server.url);
    sockets.push(wall, view);
    await nextEvent(wall, 'readings:snapshot');
    await nextEvent(view, 'readings:snapshot');
    const ack = await new Promise<Ack<WireSnapshot>>((resolve) => view.emit('view:subscribe', { channels: ['team.pos', 'team.state'] }, resolve));
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(channelsOf(ack.data.channels)).toEqual(['team.pos', 'team.state']);
    // Its events and vitals still come in full.
    expect(Array.isArray(ack.data.events.incidents)).toBe(true);

    const viewFrames: WireDelta[] = [];
    const wallFrames: WireDelta[] = [];
    view.on('readings:delta', (d) => viewFrames.push(d));
    wall.on('readings:delta', (d) => wallFrames.push(d));
    await expect.poll(() => Math.min(viewFrames.length, wallFrames.length), { timeout: 10_000 }).toBeGreaterThanOrEqual(15);
    const viewChannels = new Set(viewFrames.flatMap((d) => channelsOf(d.channels)));
    const wallChannels = new Set(wallFrames.flatMap((d) => channelsOf(d.channels)));
    expect([...viewChannels].every((c) => c === 'team.pos' || c === 'team.state')).toBe(true);
    expect(wallChannels.has('rain')).toBe(true);
    // Both continue in order from where they started.
    expect(viewFrames[0].seq).toBe(ack.data.seq + 1);
    for (let k = 1; k < viewFrames.length; k++) expect(viewFrames[k].seq).toBe(viewFrames[k - 1].seq + 1);
    for (let k = 1; k < wallFrames.length; k++) expect(wallFrames[k].seq).toBe(wallFrames[k - 1].seq + 1);
    // Back to everything.
    const all = await new Promise<Ack<WireSnapshot>>((resolve) => view.emit('view:subscribe', { channels: null }, resolve));
    expect(all.ok && channelsOf(all.data.channels)).toContain('rain');
  });

  it('refuses an unknown channel with a clear error', async () => {
    const view = connectClient(server.url);
    sockets.push(view);
    await nextEvent(view, 'readings:snapshot');
    const ack = await new Promise<Ack<WireSnapshot>>((resolve) => view.emit('view:subscribe', { channels: ['elevators'] } as never, resolve));
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
