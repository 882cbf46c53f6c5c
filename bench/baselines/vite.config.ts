/**
 * Builds the two baseline pages for the browser bench (bench/browserUpdate.ts builds them with this
 * config and serves them under the server's origin at /bench-baseline/, so their socket is same-origin).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const BASELINE_BASE = '/bench-baseline/';
/** Outside the repository, so neither git nor ESLint sees the built bundles. */
export const BASELINE_OUT_DIR = join(tmpdir(), 'cityops-bench-baselines');

export default defineConfig({
  root: here('.'),
  base: BASELINE_BASE,
  logLevel: 'warn',
  resolve: { alias: { '@': here('../../src') } },
  build: {
    outDir: BASELINE_OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { maplibre: here('maplibre.html'), deck: here('deck.html') } },
  },
});
