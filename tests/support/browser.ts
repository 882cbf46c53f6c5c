/** Debian Chromium through playwright-core, with software WebGL (no GPU, no network on this machine). */
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(opts: { gpuCompositing?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      ...(opts.gpuCompositing ? ['--ignore-gpu-blocklist'] : ['--disable-gpu']),
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '']);

/** Records every request that leaves localhost (the product must work with no network). */
export function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !LOCAL_HOSTS.has(url.hostname)) foreign.push(r.url());
  });
  return foreign;
}

/** Collects uncaught page errors and console errors. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

export interface PixelStats {
  total: number;
  /** Pixels within `tolerance` of each named colour. */
  near: Record<string, number>;
  distinctColours: number;
}

/** Pixels that differ between two screenshots of the same size. */
export function changedPixels(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a).data;
  const pb = PNG.sync.read(b).data;
  let changed = 0;
  for (let i = 0; i < pa.length; i += 4) {
    if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 30) changed++;
  }
  return changed;
}

/** Counts pixels of a PNG screenshot near given colours, to assert what is drawn. */
export function pixelStats(png: Buffer, colours: Record<string, [number, number, number]>, tolerance = 18): PixelStats {
  const img = PNG.sync.read(png);
  const near: Record<string, number> = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  const distinct = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const r = img.data[i];
    const g = img.data[i + 1];
    const b = img.data[i + 2];
    distinct.add((r << 16) | (g << 8) | b);
    for (const [name, [cr, cg, cb]] of Object.entries(colours)) {
      if (Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance) near[name]++;
    }
  }
  return { total: img.width * img.height, near, distinctColours: distinct.size };
}
