// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from '@/auth/apiFetch';
import { safeNext } from '@/auth/authGuard';
import { exchangeKioskAccess } from '@/auth/kioskExchange';
import { captureKioskAccess, currentToken, loadSession, onUnauthorized, SESSION_KEY } from '@/auth/session';
import { homeFor, LoginError, useAuthStore } from '@/auth/useAuthStore';

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  setActivePinia(createPinia());
  vi.unstubAllGlobals();
});

describe('client auth', () => {
  it('signs in, keeps the session under one key, sends it, and signs out', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      void init;
      if (url === '/api/auth/login') return jsonResponse(200, { token: 'tok', role: 'dispatcher', username: 'dan', expiresAt: Date.now() + 60_000 });
      return new Response(null, { status: 204 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const auth = useAuthStore();
    expect(auth.loggedIn).toBe(false);
    await auth.login('dan', 'pw');
    expect(auth.loggedIn).toBe(true);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!)).toMatchObject({ token: 'tok', role: 'dispatcher', username: 'dan' });
    expect(auth.authHeaders()).toEqual({ authorization: 'Bearer tok' });
    await apiFetch('/api/vitals');
    expect(new Headers(fetchMock.mock.calls[1][1]?.headers).get('authorization')).toBe('Bearer tok');
    await auth.logout();
    expect(loadSession()).toBeNull();
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/auth/logout');
  });

  it('tells wrong credentials, throttling and network failures apart', async () => {
    const auth = useAuthStore();
    vi.stubGlobal('fetch', async () => jsonResponse(401, { error: { code: 'UNAUTHORIZED', message: 'x' } }));
    await expect(auth.login('a', 'b')).rejects.toMatchObject({ reason: 'credentials' });
    vi.stubGlobal('fetch', async () => jsonResponse(429, { error: { code: 'RATE_LIMITED', message: 'x' } }, { 'retry-after': '42' }));
    await expect(auth.login('a', 'b')).rejects.toMatchObject({ reason: 'throttled', retryAfterS: 42 });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('failed to fetch');
    });
    const err = await auth.login('a', 'b').catch((e) => e);
    expect(err).toBeInstanceOf(LoginError);
    expect(err.reason).toBe('network');
  });

  it('uses a kiosk link (exchanged for its session) when nobody is signed in, and reports 401s', async () => {
    captureKioskAccess('http://wall/?kiosk=1&access=kiosk-token');
    await exchangeKioskAccess(async () => jsonResponse(200, { token: 'kiosk-session', label: 'Lobby', expiresAt: Date.now() + 60_000 }));
    expect(currentToken()).toBe('kiosk-session');
    const seen = vi.fn();
    const off = onUnauthorized(seen);
    vi.stubGlobal('fetch', async () => jsonResponse(401, {}));
    await apiFetch('/api/vitals');
    expect(seen).toHaveBeenCalledOnce();
    off();
  });

  it('follows only same-site next paths and sends each role home', () => {
    expect(safeNext('/dispatch?x=1')).toBe('/dispatch?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '/login?next=/', undefined, ['/']]) expect(safeNext(bad)).toBeNull();
    expect(homeFor('dispatcher')).toBe('/dispatch');
    expect(homeFor('manager')).toBe('/summary');
    expect(homeFor('operator')).toBe('/');
    expect(homeFor('admin')).toBe('/');
  });
});
