/**
 * One browser for the server's life (issue 17, finding 2): launched on first use, shared by every
 * render (each opens and closes its own page), launched again when it crashed or was disconnected,
 * closed on shutdown. A launch under way is shared by all who ask meanwhile; a failed one is
 * forgotten, so the next use tries again.
 */

/** What this needs of a browser (playwright's Browser has it). */
export interface ClosableBrowser {
  isConnected(): boolean;
  close(): Promise<void>;
}

export class SharedBrowser<B extends ClosableBrowser> {
  /** Browsers launched so far (tests check that renders share one). */
  launches = 0;
  private current: Promise<B> | null = null;
  private closed = false;
  private lastLaunched: B | null = null;

  constructor(private readonly launch: () => Promise<B>) {}

  /** The browser, launched if there is none or it has gone. */
  async get(): Promise<B> {
    if (this.closed) throw new Error('the server is shutting down');
    const held = this.current;
    if (!held) return this.relaunch(null);
    const browser = await held;
    return browser.isConnected() ? browser : this.relaunch(held);
  }

  private relaunch(stale: Promise<B> | null): Promise<B> {
    // Another caller saw the same dead browser first and is launching its successor: share that one.
    if (this.current !== stale) return this.get();
    this.launches++;
    const launching = this.launch();
    this.current = launching;
    launching.then(
      (browser) => {
        this.lastLaunched = browser;
      },
      () => {
        if (this.current === launching) this.current = null;
      },
    );
    return launching;
  }

  /** Whether a browser is up now. */
  connected(): boolean {
    return this.lastLaunched?.isConnected() === true;
  }

  /** Closes the browser (one still launching too) and refuses later use. */
  async close(): Promise<void> {
    this.closed = true;
    const held = this.current;
    this.current = null;
    const browser = await held?.catch(() => null);
    await browser?.close().catch(() => undefined);
  }
}
