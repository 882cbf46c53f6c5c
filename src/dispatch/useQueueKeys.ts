/**
 * The queue's keyboard: ↑ / ↓ move the selection, Enter dispatches the selected incident to the
 * suggested team. Keys a focused control uses stay with it (a note's Enter is a newline, a select's
 * arrows pick an option, a focused button's Enter presses that button).
 */
import { onBeforeUnmount, onMounted } from 'vue';

export interface QueueKeyHandlers {
  move: (step: number) => void;
  dispatchSelected: () => void;
}

/** Controls that use the arrow keys themselves (caret, options). */
const takesArrows = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
/** Controls whose Enter means themselves. A button keeps no arrows, so ↑ / ↓ work after a click. */
const takesEnter = (el: EventTarget | null) => takesArrows(el) || (el instanceof HTMLElement && ['BUTTON', 'A'].includes(el.tagName));

export function useQueueKeys(handlers: QueueKeyHandlers): void {
  function onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !takesArrows(e.target)) {
      e.preventDefault();
      handlers.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && !e.repeat && !takesEnter(e.target)) {
      e.preventDefault();
      handlers.dispatchSelected();
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
