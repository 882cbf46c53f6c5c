/**
 * Node side of the baseline pages: build them with Vite (their own config) and serve the build from
 * inside the browser under the CityOps server's origin, so each page's socket is same-origin.
 */
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { BASELINE_BASE, BASELINE_OUT_DIR } from './vite.config';

export const BASELINE_PAGES = { maplibre: `${BASELINE_BASE}maplibre.html`, deck: `${BASELINE_BASE}deck.html` } as const;

export async function buildBaselinePages(): Promise<string> {
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
  if (!existsSync(join(BASELINE_OUT_DIR, 'deck.html'))) throw new Error(`baseline build left no pages in ${BASELINE_OUT_DIR}`);
  return BASELINE_OUT_DIR;
}

/** Answers /bench-baseline/… from the build directory; everything else goes to the real server. */
export async function routeBaselinePages(page: Page, dir: string): Promise<void> {
  await page.route(`**${BASELINE_BASE}**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice(BASELINE_BASE.length));
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    // Playwright guesses the type from the extension, but not for the worker's .mjs.
    return route.fulfill({ path: file, contentType: file.endsWith('.mjs') || file.endsWith('.js') ? 'text/javascript' : undefined });
  });
}
