// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureKioskSession, exchangeKioskAccess } from '@/auth/kioskExchange';
import { captureKioskAccess, currentToken, kioskAccess, loadKioskSession } from '@/auth/session';

const jsonResponse = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const SESSION = { token: 'session-token', label: 'Lobby', expiresAt: Date.now() + 3600_000 };

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('kiosk link exchange', () => {
  it('takes the token out of the URL, keeping the other parameters', () => {
    expect(captureKioskAccess('http://wall:8080/?kiosk=1&access=link-token&director=1#x')).toBe('/?kiosk=1&director=1#x');
    expect(kioskAccess()).toBe('link-token');
    expect(captureKioskAccess('http://wall:8080/dispatch?kiosk=1')).toBeNull();
  });

  it('sends the link token once, in a header, and presents the session from then on', async () => {
    captureKioskAccess('http://wall/?access=link-token');
    // Before the exchange the link token is not presented anywhere.
    expect(currentToken()).toBeUndefined();
    const fetchImpl = vi.fn(async () => jsonResponse(200, SESSION));
    expect(await ensureKioskSession(fetchImpl)).toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith('/api/auth/kiosk', { method: 'POST', headers: { authorization: 'Bearer link-token' } });
    expect(currentToken()).toBe('session-token');
    // A reload finds the stored session and does not exchange again.
    expect(await ensureKioskSession(fetchImpl)).toBe(true);
    expect(fetchImpl).toHaveBeenCalledOnce();
  });

  it('exchanges again when the session has expired, keeping the link token for that', async () => {
    captureKioskAccess('http://wall/?access=link-token');
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ...SESSION, expiresAt: Date.now() - 1 }));
    await exchangeKioskAccess(fetchImpl);
    expect(loadKioskSession()).toBeNull();
    fetchImpl.mockImplementation(async () => jsonResponse(200, SESSION));
    expect(await ensureKioskSession(fetchImpl)).toBe(true);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(kioskAccess()).toBe('link-token');
  });

  it('forgets a refused link, and keeps it when the server is only unavailable', async () => {
    captureKioskAccess('http://wall/?access=link-token');
    expect(await exchangeKioskAccess(async () => jsonResponse(429, {}))).toBe('unavailable');
    expect(await exchangeKioskAccess(async () => { throw new TypeError('network'); })).toBe('unavailable');
    expect(kioskAccess()).toBe('link-token');
    expect(await exchangeKioskAccess(async () => jsonResponse(401, {}))).toBe('refused');
    expect(kioskAccess()).toBeNull();
    expect(await ensureKioskSession(async () => jsonResponse(200, SESSION))).toBe(false);
  });
});
