/**
 * The queue's keyboard: ↑ / ↓ move the selection, Enter dispatches the selected incident to the
 * suggested team. Keys typed into a form control stay with the control (a note's Enter is a newline,
 * a focused button's Enter is that button).
 */
import { onBeforeUnmount, onMounted } from 'vue';

export interface QueueKeyHandlers {
  move: (step: number) => void;
  dispatchSelected: () => void;
}

const isFormControl = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(el.tagName));

export function useQueueKeys(handlers: QueueKeyHandlers): void {
  function onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey || isFormControl(e.target)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      handlers.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && !e.repeat) {
      e.preventDefault();
      handlers.dispatchSelected();
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
