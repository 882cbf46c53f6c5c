/**
 * The signed-in user for the app: login and logout against the server, and the headers to send.
 * State mirrors src/auth/session.ts (localStorage), which the socket and apiFetch read directly.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LoginResponse, Role } from '@/protocol/auth';
import { currentToken, forgetKioskAccess, loadSession, saveSession } from './session';

/** Why a login failed, for the form's message. */
export type LoginFailure = 'credentials' | 'throttled' | 'invalid' | 'network' | 'server';

export class LoginError extends Error {
  constructor(
    readonly reason: LoginFailure,
    /** Seconds to wait, when throttled. */
    readonly retryAfterS?: number,
  ) {
    super(reason);
  }
}

/** Where each role starts after signing in. */
export function homeFor(role: Role): string {
  if (role === 'dispatcher') return '/dispatch';
  if (role === 'manager') return '/summary';
  return '/';
}

export const useAuthStore = defineStore('auth', () => {
  const initial = loadSession();
  const token = ref<string | null>(initial?.token ?? null);
  const username = ref<string | null>(initial?.username ?? null);
  const role = ref<Role | null>(initial?.role ?? null);
  const expiresAt = ref<number | null>(initial?.expiresAt ?? null);

  const loggedIn = computed(() => token.value !== null && (expiresAt.value ?? 0) > Date.now());

  function set(s: LoginResponse | null) {
    token.value = s?.token ?? null;
    username.value = s?.username ?? null;
    role.value = s?.role ?? null;
    expiresAt.value = s?.expiresAt ?? null;
    saveSession(s ? { token: s.token, username: s.username, role: s.role, expiresAt: s.expiresAt } : null);
  }

  async function login(user: string, password: string): Promise<LoginResponse> {
    let res: Response;
    try {
      res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
    } catch {
      throw new LoginError('network');
    }
    if (res.status === 401) throw new LoginError('credentials');
    if (res.status === 429) throw new LoginError('throttled', Number(res.headers.get('retry-after')) || undefined);
    if (res.status === 400) throw new LoginError('invalid');
    if (!res.ok) throw new LoginError('server');
    const session = (await res.json()) as LoginResponse;
    // A person signing in on a kiosk wall takes over from the kiosk link.
    forgetKioskAccess();
    set(session);
    return session;
  }

  async function logout(): Promise<void> {
    const t = token.value;
    set(null);
    // Best effort: the local session is gone either way.
    if (t) await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${t}` } }).catch(() => undefined);
  }

  /** Forgets a session the server no longer accepts (after a 401). */
  function expire(): void {
    if (token.value) set(null);
  }

  function authHeaders(): Record<string, string> {
    const t = currentToken();
    return t ? { authorization: `Bearer ${t}` } : {};
  }

  return { token, username, role, expiresAt, loggedIn, login, logout, expire, authHeaders };
});
