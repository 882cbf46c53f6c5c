import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { permits, type AuthService } from '../../../../mock-server/auth/authService';
import { installSocketAuth, principalOf } from '../../../../mock-server/auth/socketAuth';
import type { CityServer } from '../../../../mock-server/realtime/hub';
import { CityMetrics } from '../../../../mock-server/ops/cityMetrics';
import type { Permission, Principal } from '@/protocol/auth';

const quiet = { warn: () => undefined };
const NO_SOURCES = { clients: () => 0, ingest: () => ({}), activeAlarms: () => [], incidentsByStatus: () => ({}) };
/** What a handler may do, read as the guard reads it: the socket's principal and its role's permissions. */
const socketCan = (s: Parameters<typeof principalOf>[0], permission: Permission) => {
  const p = principalOf(s);
  return p !== undefined && permits(p, permission);
};

describe('installSocketAuth', () => {
  it('sets the principal on the socket and drops it once its token stops working', async () => {
    let valid = true;
    const principal: Principal = { kind: 'user', username: 'dan', role: 'dispatcher' };
    const auth = { principalFor: async (t?: string) => (t === 'tok' && valid ? principal : null) } as unknown as AuthService;
    const http = createServer();
    const io = new Server(http) as CityServer;
    installSocketAuth(io, auth, quiet, { caps: { perAddress: 50, perAccount: 20, perKiosk: 50 }, meter: new CityMetrics(NO_SOURCES), recheckMs: 50 });
    const seen: boolean[] = [];
    io.on('connection', (s) => seen.push(socketCan(s, 'actOnIncidents'), socketCan(s, 'administer')));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: 'tok' } });
      await new Promise<void>((r) => client.once('connect', () => r()));
      expect(seen).toEqual([true, false]);
      const dropped = new Promise<string>((r) => client.once('disconnect', (reason) => r(reason)));
      valid = false;
      expect(await dropped).toBe('io server disconnect');

      const refused = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: 42 } });
      expect(await new Promise<string>((r) => refused.once('connect_error', (e) => r(e.message)))).toMatch(/^unauthorized: auth.token and auth.catalog must be strings/);
      refused.close();
    } finally {
      await new Promise<void>((r) => io.close(() => r()));
    }
  });
});
