/**
 * Applies kiosk mode to the page while the wall screen is mounted (see kioskMode.ts and
 * docs/kiosk.md). Everything it adds it removes on unmount.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { CursorIdle, kioskEnabled } from './kioskMode';
import './kiosk.css';

interface WakeLockSentinelLike {
  release(): Promise<void>;
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } };

export function useKiosk(search = window.location.search): boolean {
  const on = kioskEnabled(search);
  if (!on) return false;
  const root = document.documentElement;
  const cursor = new CursorIdle((hidden) => root.classList.toggle('kiosk-cursor-hidden', hidden));
  let lock: WakeLockSentinelLike | null = null;
  let unmounted = false;

  const moved = () => cursor.moved();
  const noMenu = (e: Event) => e.preventDefault();
  // Wake locks are dropped whenever the page is hidden; ask again when it is shown.
  const keepAwake = async () => {
    if (unmounted || document.visibilityState !== 'visible') return;
    try {
      lock = (await (navigator as WakeLockNavigator).wakeLock?.request('screen')) ?? null;
    } catch {
      // Not a secure context, or refused: the OS power settings must keep the screen on (docs/kiosk.md).
    }
  };

  onMounted(() => {
    root.classList.add('kiosk');
    window.addEventListener('pointermove', moved, { passive: true });
    window.addEventListener('pointerdown', moved, { passive: true });
    window.addEventListener('contextmenu', noMenu);
    document.addEventListener('visibilitychange', keepAwake);
    cursor.moved();
    void keepAwake();
  });
  onBeforeUnmount(() => {
    unmounted = true;
    cursor.dispose();
    root.classList.remove('kiosk', 'kiosk-cursor-hidden');
    window.removeEventListener('pointermove', moved);
    window.removeEventListener('pointerdown', moved);
    window.removeEventListener('contextmenu', noMenu);
    document.removeEventListener('visibilitychange', keepAwake);
    void lock?.release().catch(() => undefined);
  });
  return true;
}
