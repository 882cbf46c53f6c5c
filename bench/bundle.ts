/**
 * Bundle budget: the gzip size of every JS/CSS chunk in dist/assets after `vite build`, what
 * index.html loads up front (entry + modulepreloads) versus lazy chunks, and our own code (src/)
 * versus libraries, compared with bench/bundle-budget.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgetLine, kindByName, parseInitialAssets, splitBySource, type BudgetLine } from './bundleAnalysis';

export interface Budget {
  initialJsGzipKb: number | null;
  appJsGzipKb: number | null;
  initialCssGzipKb: number | null;
  lazyJsGzipKb: number | null;
  vendorNamePatterns: string[];
}

export interface ChunkReport {
  file: string;
  type: 'js' | 'css';
  initial: boolean;
  /** 'app', 'vendor', or 'mixed (NN% app)' for a chunk holding both. */
  kind: string;
  rawBytes: number;
  gzipBytes: number;
  /** Gzip of this chunk's app-code text alone (source-map attribution; an estimate). */
  appGzipBytes: number;
  appRawBytes: number;
}

export interface BundleReport {
  chunks: ChunkReport[];
  lines: BudgetLine[];
  notes: string[];
}

const gz = (text: string | Buffer) => (text.length ? gzipSync(text, { level: 9 }).byteLength : 0);

export function measureBundle(distDir: string, budgetFile: string): BundleReport {
  const budget = JSON.parse(readFileSync(budgetFile, 'utf8')) as Budget;
  const initial = parseInitialAssets(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const initialFiles = new Set([...initial.scripts, ...initial.stylesheets].map((p) => p.replace(/^\//, '')));
  const assets = join(distDir, 'assets');
  const notes: string[] = [];
  const chunks: ChunkReport[] = readdirSync(assets)
    .filter((f) => /\.(js|mjs|css)$/.test(f))
    .map((f) => {
      const file = `assets/${f}`;
      const code = readFileSync(join(assets, f));
      const type = f.endsWith('.css') ? 'css' : 'js';
      let appText = '';
      let kind: string;
      const mapPath = join(assets, `${f}.map`);
      if (type === 'js' && existsSync(mapPath)) {
        const parts = splitBySource(code.toString('utf8'), JSON.parse(readFileSync(mapPath, 'utf8')));
        appText = parts.app;
        const share = Buffer.byteLength(parts.app) / Math.max(1, Buffer.byteLength(parts.app) + Buffer.byteLength(parts.vendor));
        kind = share > 0.995 ? 'app' : share < 0.005 ? 'vendor' : `mixed (${(share * 100).toFixed(share < 0.1 ? 1 : 0)}% app)`;
      } else {
        kind = kindByName(f, budget.vendorNamePatterns);
        if (kind === 'app' && type === 'js') appText = code.toString('utf8');
        if (type === 'js') notes.push(`${file} has no source map: classed as ${kind} by name`);
      }
      return {
        file,
        type,
        initial: initialFiles.has(file),
        kind: type === 'css' ? 'css' : kind,
        rawBytes: code.byteLength,
        gzipBytes: gz(code),
        appGzipBytes: gz(appText),
        appRawBytes: Buffer.byteLength(appText),
      } satisfies ChunkReport;
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);

  const sum = (list: ChunkReport[], key: 'gzipBytes' | 'appGzipBytes') => list.reduce((n, c) => n + c[key], 0);
  const js = chunks.filter((c) => c.type === 'js');
  const initialJs = js.filter((c) => c.initial);
  const lazyJs = js.filter((c) => !c.initial);
  const missing = [...initialFiles].filter((f) => !chunks.some((c) => c.file === f));
  if (missing.length) notes.push(`index.html names files not in dist/assets: ${missing.join(', ')}`);
  notes.push('app code gzip = each chunk\'s src/ text (by source map) gzipped on its own, summed: an estimate, a little above its share of the chunks\' gzip');
  return {
    chunks,
    lines: [
      budgetLine('initial JS (entry + modulepreloads)', sum(initialJs, 'gzipBytes'), budget.initialJsGzipKb),
      budgetLine('app code (src/), all JS chunks', sum(js, 'appGzipBytes'), budget.appJsGzipKb),
      budgetLine('  of which in initial JS', sum(initialJs, 'appGzipBytes'), null),
      budgetLine('library code in initial JS (rest)', sum(initialJs, 'gzipBytes') - sum(initialJs, 'appGzipBytes'), null),
      budgetLine('lazy JS chunks', sum(lazyJs, 'gzipBytes'), budget.lazyJsGzipKb),
      budgetLine('initial CSS', sum(chunks.filter((c) => c.type === 'css' && c.initial), 'gzipBytes'), budget.initialCssGzipKb),
    ],
    notes,
  };
}
