import { describe, expect, it } from 'vitest';
import { SharedBrowser } from '../../../../mock-server/summary/sharedBrowser';

class FakeBrowser {
  connected = true;
  closes = 0;
  isConnected() {
    return this.connected;
  }
  async close() {
    this.closes++;
    this.connected = false;
  }
}

function launcher(fail = false) {
  const launched: FakeBrowser[] = [];
  const launch = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (fail) throw new Error('no chromium');
    const b = new FakeBrowser();
    launched.push(b);
    return b;
  };
  return { launched, launch };
}

describe('SharedBrowser', () => {
  it('launches one browser on first use, however many ask at once, and keeps it', async () => {
    const { launched, launch } = launcher();
    const shared = new SharedBrowser(launch);
    expect(shared.launches).toBe(0);
    const got = await Promise.all([shared.get(), shared.get(), shared.get()]);
    expect(new Set(got).size).toBe(1);
    expect(await shared.get()).toBe(got[0]);
    expect(launched).toHaveLength(1);
    expect(shared.launches).toBe(1);
  });

  it('launches a new one when the browser crashed or disconnected', async () => {
    const { launched, launch } = launcher();
    const shared = new SharedBrowser(launch);
    const first = await shared.get();
    first.connected = false;
    const [a, b] = await Promise.all([shared.get(), shared.get()]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(launched).toHaveLength(2);
  });

  it('shares a failed launch with those waiting on it and tries again on the next use', async () => {
    let fail = true;
    const shared = new SharedBrowser(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw new Error('no chromium');
      return new FakeBrowser();
    });
    const both = await Promise.allSettled([shared.get(), shared.get()]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(shared.launches).toBe(1);
    fail = false;
    await expect(shared.get()).resolves.toBeInstanceOf(FakeBrowser);
    expect(shared.launches).toBe(2);
  });

  it('closes the browser on shutdown and launches nothing after', async () => {
    const { launched, launch } = launcher();
    const shared = new SharedBrowser(launch);
    await shared.get();
    await shared.close();
    expect(launched[0]!.closes).toBe(1);
    expect(shared.connected()).toBe(false);
    await expect(shared.get()).rejects.toThrow(/shutting down/);
    expect(launched).toHaveLength(1);
  });

  it('closes a browser whose launch was still under way at shutdown', async () => {
    const { launched, launch } = launcher();
    const shared = new SharedBrowser(launch);
    const pending = shared.get().catch(() => null);
    await shared.close();
    await pending;
    expect(launched[0]!.closes).toBe(1);
  });
});
