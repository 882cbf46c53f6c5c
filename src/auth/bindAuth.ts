/**
 * Ties the socket to the session: connect once a page may open, reconnect as the new principal after
 * a login or logout, and send the user to /login when the server refuses the token (a 401 from the
 * API or a socket `connect_error` saying "unauthorized"). A kiosk wall is unattended: refused, it
 * exchanges its link for a new session first (expired, or the server restarted) and goes to /login
 * only when the link itself is refused (src/auth/kioskExchange.ts).
 */
import type { Router } from 'vue-router';
import type { CitySocket } from '@/realtime/socket';
import { exchangeKioskAccess } from './kioskExchange';
import { kioskAccess, onSessionChange, onUnauthorized } from './session';
import { useAuthStore } from './useAuthStore';

/** How long a kiosk wall waits to exchange its link again when the server could not answer (down, or rate-limited). */
const KIOSK_RETRY_MS = 30_000;

export function bindAuth(router: Router, socket: CitySocket): void {
  const toLogin = () => {
    const current = router.currentRoute.value;
    if (current.name === 'login') return;
    // A stale session is forgotten so the login page does not offer it again.
    useAuthStore().expire();
    // Stay off until the next page opens: a refused socket retrying would only be refused again.
    socket.disconnect();
    void router.push({ path: '/login', query: { next: current.fullPath, reason: 'expired' } });
  };

  let renewing = false;
  const renewKiosk = async () => {
    if (renewing) return;
    renewing = true;
    const outcome = await exchangeKioskAccess();
    renewing = false;
    // 'ok' stores the new session, and the session change below reconnects the socket with it.
    if (outcome === 'refused') toLogin();
    else if (outcome === 'unavailable') setTimeout(() => void renewKiosk(), KIOSK_RETRY_MS);
  };
  const refused = () => {
    if (kioskAccess() && !useAuthStore().loggedIn) void renewKiosk();
    else toLogin();
  };

  onUnauthorized(refused);

  socket.on('connect_error', (err) => {
    if (err.message.startsWith('unauthorized')) refused();
  });
  // The server drops a socket whose session ended; reconnecting asks again and lands on login if refused.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && router.currentRoute.value.meta.permission) socket.connect();
  });

  router.afterEach((to) => {
    if (to.meta.permission && !socket.connected && !socket.active) socket.connect();
  });

  onSessionChange(() => {
    // The socket keeps the principal it connected as: start over with the new token.
    if (socket.connected || socket.active) socket.disconnect();
    if (router.currentRoute.value.meta.permission) socket.connect();
  });
}
