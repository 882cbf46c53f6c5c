/**
 * The router's role check: a route's `meta.permission` names what it needs. A signed-in user has
 * their role; a kiosk link or, in demo mode, anyone may watch (operator); everyone else signs in.
 */
import type { Router } from 'vue-router';
import { can, type Permission, type PrincipalRole } from '@/protocol/auth';
import { loadRuntimeConfig } from '@/shared/runtimeConfig';
import { ensureKioskSession } from './kioskExchange';
import { useAuthStore } from './useAuthStore';

declare module 'vue-router' {
  interface RouteMeta {
    /** What the page needs; none: open to anyone (the login page). */
    permission?: Permission;
  }
}

/** Whether the server runs in demo mode (no answer: not demo). */
export async function isDemo(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  return (await loadRuntimeConfig(fetchImpl))?.demo === true;
}

export async function effectiveRole(): Promise<PrincipalRole | null> {
  const auth = useAuthStore();
  if (auth.loggedIn && auth.role) return auth.role;
  if (await ensureKioskSession()) return 'operator';
  return (await isDemo()) ? 'operator' : null;
}

export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    // A kiosk link's token (kept by main.ts) never stays in a URL the router shows or records.
    if (to.query.access !== undefined) {
      const query = { ...to.query };
      delete query.access;
      return { path: to.path, query, hash: to.hash, replace: true };
    }
    const permission = to.meta.permission;
    if (!permission) return true;
    const role = await effectiveRole();
    if (!role) return { path: '/login', query: { next: to.fullPath } };
    if (!can(role, permission)) return { path: '/login', query: { next: to.fullPath, reason: 'forbidden' } };
    return true;
  });
}

/** A `?next=` worth following: a path on this site, never another origin ("//evil.example"). */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') ? next : null;
}
