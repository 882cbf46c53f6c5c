/**
 * Kiosk mode (`?kiosk=1`) for a wall driven by Chromium's --kiosk: the cursor hides after a few
 * seconds without movement, text cannot be selected and the context menu does not open, and the
 * screen is asked to stay awake. CursorIdle is the timer part, kept apart so it can be tested.
 */
export const CURSOR_IDLE_MS = 3000;

export function kioskEnabled(search: string): boolean {
  const v = new URLSearchParams(search).get('kiosk');
  return v === '1' || v === 'on' || v === 'true';
}

/** Calls `setHidden(true)` once the pointer has been still for `idleMs`, and `setHidden(false)` on movement. One timer at most. */
export class CursorIdle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hidden = false;

  constructor(
    private readonly setHidden: (hidden: boolean) => void,
    private readonly idleMs = CURSOR_IDLE_MS,
  ) {}

  /** Starts the countdown (call once at start, then on every pointer movement). */
  moved(): void {
    if (this.hidden) {
      this.hidden = false;
      this.setHidden(false);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.hidden = true;
      this.setHidden(true);
    }, this.idleMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
