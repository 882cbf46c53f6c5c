/**
 * The signed-in session and the kiosk link's credentials, without Vue, so the socket, the fetch
 * wrapper and the Pinia store read the same values. The session lives in localStorage under one key
 * (a wall PC stays signed in across reloads). A kiosk link's token comes from `?access=`, is taken out
 * of the address bar at once and kept in sessionStorage (a reload keeps it, the URL and the server's
 * logs never see it again); it is only ever sent to be exchanged for a kiosk session
 * (src/auth/kioskExchange.ts), which is kept beside it and is what the app presents.
 */
import type { Role } from '@/protocol/auth';

export const SESSION_KEY = 'cityops.auth';
const KIOSK_KEY = 'cityops.kioskAccess';
const KIOSK_SESSION_KEY = 'cityops.kioskSession';

export interface StoredSession {
  token: string;
  username: string;
  role: Role;
  expiresAt: number;
}

const local = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.localStorage);
const perTab = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.sessionStorage);

export function loadSession(now = Date.now()): StoredSession | null {
  try {
    const raw = local()?.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return typeof s.token === 'string' && typeof s.expiresAt === 'number' && s.expiresAt > now ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: StoredSession | null): void {
  if (s) local()?.setItem(SESSION_KEY, JSON.stringify(s));
  else local()?.removeItem(SESSION_KEY);
  for (const fn of changeListeners) fn();
}

/** A kiosk wall's session, from exchanging its link's token. */
export interface KioskSession {
  token: string;
  label: string;
  expiresAt: number;
}

/**
 * Remembers `?access=<token>` from a kiosk link's URL (call once at startup) and returns the URL to
 * show instead, without the token (path, other parameters, hash), or null when there was none.
 */
export function captureKioskAccess(href: string): string | null {
  const url = new URL(href);
  const access = url.searchParams.get('access');
  if (!access) return null;
  perTab()?.setItem(KIOSK_KEY, access);
  url.searchParams.delete('access');
  return `${url.pathname}${url.search}${url.hash}`;
}

export function kioskAccess(): string | null {
  return perTab()?.getItem(KIOSK_KEY) ?? null;
}

/** Forgets the kiosk link and its session (a person signed in, or the link was refused). */
export function forgetKioskAccess(): void {
  perTab()?.removeItem(KIOSK_KEY);
  perTab()?.removeItem(KIOSK_SESSION_KEY);
}

export function loadKioskSession(now = Date.now()): KioskSession | null {
  try {
    const raw = perTab()?.getItem(KIOSK_SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as KioskSession;
    return typeof s.token === 'string' && typeof s.expiresAt === 'number' && s.expiresAt > now ? s : null;
  } catch {
    return null;
  }
}

export function saveKioskSession(s: KioskSession | null): void {
  if (s) perTab()?.setItem(KIOSK_SESSION_KEY, JSON.stringify(s));
  else perTab()?.removeItem(KIOSK_SESSION_KEY);
  for (const fn of changeListeners) fn();
}

/** What to present to the server: the session's token, else the kiosk session's, else nothing (demo mode). */
export function currentToken(): string | undefined {
  return loadSession()?.token ?? loadKioskSession()?.token ?? undefined;
}

const changeListeners = new Set<() => void>();
/** Called after a login or logout, e.g. to reconnect the socket as the new principal. */
export function onSessionChange(fn: () => void): () => void {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}

const unauthorizedListeners = new Set<() => void>();
/** Called when the server answers 401 or refuses the socket: the app sends the user to /login. */
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export function notifyUnauthorized(): void {
  for (const fn of unauthorizedListeners) fn();
}
