/**
 * The signed-in session and the kiosk link's access token, without Vue, so the socket, the fetch
 * wrapper and the Pinia store read the same values. The session lives in localStorage under one key
 * (a wall PC stays signed in across reloads); a kiosk link's token comes from `?access=` and is kept
 * in sessionStorage so navigating inside the app does not lose it.
 */
import type { Role } from '@/protocol/auth';

export const SESSION_KEY = 'cityops.auth';
const KIOSK_KEY = 'cityops.kioskAccess';

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

/** Remembers `?access=<token>` from a kiosk link's URL (call once at startup). */
export function captureKioskAccess(search: string): void {
  const access = new URLSearchParams(search).get('access');
  if (access) perTab()?.setItem(KIOSK_KEY, access);
}

export function kioskAccess(): string | null {
  return perTab()?.getItem(KIOSK_KEY) ?? null;
}

export function forgetKioskAccess(): void {
  perTab()?.removeItem(KIOSK_KEY);
}

/** What to present to the server: the session's token, else the kiosk link's, else nothing (demo mode). */
export function currentToken(): string | undefined {
  return loadSession()?.token ?? kioskAccess() ?? undefined;
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
