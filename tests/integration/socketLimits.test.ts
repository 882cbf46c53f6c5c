/**
 * The socket's limits over the real server with real socket.io clients (issue 17, findings 5 and 11):
 * concurrent sockets capped per address and per account, refused in the handshake with a clear
 * message; a flood of events refused by the rate limit before any logging, unknown events counted
 * and logged once, a socket that keeps flooding disconnected; and deny by default: one permission
 * table covers every handler, and an event without an entry is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_EVENT_SCHEMAS, type Ack } from '../../src/protocol/events';
import { SOCKET_EVENT_PERMISSIONS } from '../../mock-server/auth/socketAuth';
import type { RunningServer } from '../../mock-server/server';
import { promSamples, sampleSum } from '../support/promSamples';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
const opened: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ socketMaxPerAddress: 4, socketMaxPerAccount: 2 });
}, 60_000);
afterAll(async () => {
  for (const s of opened) s.close();
  await server?.close();
});
afterEach(() => vi.restoreAllMocks());

const open = (token?: string) => {
  const socket = connectClient(server.url, { token });
  opened.push(socket);
  return socket;
};
/** Resolves 'connected' or the connect_error message. */
const outcome = (socket: TestSocket) =>
  new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const metric = async (name: string, labels: Record<string, string>) => sampleSum(promSamples(await (await fetch(`${server.url}/metrics`)).text()), name, labels);
const tokenOf = async (username: string) => {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  return ((await res.json()) as { token: string }).token;
};
type RawSocket = { emit(e: string, ...a: unknown[]): void; emitWithAck(e: string, ...a: unknown[]): Promise<Ack<unknown>> };
const raw = (s: TestSocket) => s as unknown as RawSocket;
/** The warnings logged with that message, from the server's own logger. */
const warned = (spy: ReturnType<typeof vi.spyOn>, msg: string) => spy.mock.calls.filter((c: unknown[]) => c[1] === msg).length;

describe('caps on concurrent sockets', () => {
  it('refuses a socket past the cap per account and per address, with a clear message, and frees the place on disconnect', async () => {
    const operator = await tokenOf('operator');
    const dispatcher = await tokenOf('dispatcher');
    const first = open(operator);
    expect(await outcome(first)).toBe('connected');
    expect(await outcome(open(operator))).toBe('connected');
    expect(await outcome(open(operator))).toMatch(/^too many connections: .*operator.* at most 2/);
    expect(await outcome(open(dispatcher))).toBe('connected');
    expect(await outcome(open(dispatcher))).toBe('connected');
    // Four from this address now: a fifth, of anyone, is refused.
    expect(await outcome(open())).toMatch(/^too many connections: .*address.* at most 4/);
    expect(await metric('cityops_socket_connections_refused_total', { reason: 'account' })).toBe(1);
    expect(await metric('cityops_socket_connections_refused_total', { reason: 'address' })).toBe(1);

    first.close();
    await until(() => server.hub.clientCount() === 3);
    expect(await outcome(open(operator))).toBe('connected');
    for (const s of opened.splice(0)) s.close();
    await until(() => server.hub.clientCount() === 0);
  });
});

describe('caps behind a reverse proxy (CITYOPS_TRUST_PROXY)', () => {
  it('counts each client behind the proxy by its X-Forwarded-For address, not the proxy\'s', async () => {
    const proxied = await startTestServer({ socketMaxPerAddress: 1, trustProxy: ['loopback'] });
    const via = (client: string) => connectClient(proxied.url, { extraHeaders: { 'x-forwarded-for': client } });
    const sockets = [via('203.0.113.7'), via('203.0.113.8'), via('203.0.113.7')];
    try {
      expect(await outcome(sockets[0])).toBe('connected');
      expect(await outcome(sockets[1])).toBe('connected');
      expect(await outcome(sockets[2])).toMatch(/^too many connections: this address has at most 1/);
    } finally {
      for (const s of sockets) s.close();
      await proxied.close();
    }
  }, 60_000);
});

describe('rate limit first', () => {
  it('counts unknown events and logs them once per socket, not once per event', async () => {
    const warn = vi.spyOn(server.http.log, 'warn');
    const socket = open();
    await nextEvent(socket, 'readings:snapshot');
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => raw(socket).emitWithAck(`sim:explode${i}`, {})));
    for (const a of answers) expect(a).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    expect(warned(warn, 'unknown event')).toBeLessThanOrEqual(1);
    expect(await metric('cityops_socket_events_refused_total', { reason: 'unknown' })).toBeGreaterThanOrEqual(15);
    socket.close();
  });

  it('refuses a flood before logging it and disconnects a socket that keeps flooding; a quiet socket stays', async () => {
    const quiet = open();
    await nextEvent(quiet, 'readings:snapshot');
    const warn = vi.spyOn(server.http.log, 'warn');
    const flooder = open();
    await nextEvent(flooder, 'readings:snapshot');
    const errors: { code: string; message: string }[] = [];
    flooder.on('server:error', (e) => errors.push(e));
    const gone = new Promise<string>((resolve) => flooder.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 400; i++) raw(flooder).emit(i % 2 ? 'no:such' : 'readings:resync', { lastSeq: 0 });
    expect(await gone).toBe('io server disconnect');
    expect(errors.at(-1)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/disconnected/) });
    // Logged per socket and window, not per event.
    expect(warned(warn, 'unknown event')).toBeLessThanOrEqual(2);
    expect(warned(warn, 'socket rate limited')).toBeLessThanOrEqual(2);
    expect(await metric('cityops_socket_drops_total', { reason: 'rateLimited' })).toBe(1);
    expect(await metric('cityops_socket_events_refused_total', { reason: 'rateLimited' })).toBeGreaterThan(20);

    expect(quiet.connected).toBe(true);
    await nextEvent(quiet, 'readings:delta');
    quiet.close();
  });
});

describe('deny by default', () => {
  it('has one permission table covering every event the protocol defines and every handler a socket has', async () => {
    expect(Object.keys(SOCKET_EVENT_PERMISSIONS).sort()).toEqual(Object.keys(CLIENT_EVENT_SCHEMAS).sort());
    const socket = open();
    await nextEvent(socket, 'readings:snapshot');
    const onServer = server.io.of('/').sockets.get(socket.id!)!;
    const handlers = onServer.eventNames().map(String).filter((e) => !['disconnect', 'disconnecting', 'error'].includes(e));
    expect(handlers.length).toBeGreaterThan(0);
    for (const event of handlers) expect(Object.hasOwn(SOCKET_EVENT_PERMISSIONS, event), event).toBe(true);
    socket.close();
  });

  it('refuses an event with no entry in the table, even when a handler listens for it', async () => {
    let ran = 0;
    server.io.on('connection', (s) => (s as unknown as { on(e: string, f: () => void): void }).on('debug:dump', () => ran++));
    const socket = open();
    await nextEvent(socket, 'readings:snapshot');
    for (const event of ['debug:dump', 'toString', '__proto__', 'constructor']) {
      const answer = await raw(socket).emitWithAck(event, {});
      expect(answer, event).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT', message: expect.stringContaining('readings:resync') } });
    }
    expect(ran).toBe(0);
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
