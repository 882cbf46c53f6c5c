/**
 * Ties the socket to the session: connect once a page may open, reconnect as the new principal after
 * a login or logout, and send the user to /login when the server refuses the token (a 401 from the
 * API or a socket `connect_error` saying "unauthorized").
 */
import type { Router } from 'vue-router';
import type { CitySocket } from '@/realtime/socket';
import { onSessionChange, onUnauthorized } from './session';
import { useAuthStore } from './useAuthStore';

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

  onUnauthorized(toLogin);

  socket.on('connect_error', (err) => {
    if (err.message.startsWith('unauthorized')) toLogin();
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
