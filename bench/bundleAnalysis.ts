/**
 * Pure helpers of the bundle budget (bench/bundle.ts): which assets index.html loads up front, and
 * how much of a built chunk is our own code (src/) versus libraries (node_modules), by walking the
 * chunk's source map. Vite puts Vue, maplibre and deck.gl into the entry chunk alongside the app,
 * so chunk names alone cannot separate app code from vendor code; the source map can.
 */

export type CodeKind = 'app' | 'vendor' | 'unmapped';

export interface InitialAssets {
  /** Entry scripts and modulepreloads, in the order index.html lists them (paths as written). */
  scripts: string[];
  stylesheets: string[];
}

/** The JS and CSS index.html makes the browser fetch before the app runs. */
export function parseInitialAssets(html: string): InitialAssets {
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) scripts.push(src);
    } else {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      if (!href) continue;
      if (rel.includes('modulepreload')) scripts.push(href);
      else if (rel.includes('stylesheet')) stylesheets.push(href);
    }
  }
  return { scripts, stylesheets };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map segment's base64 VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = BASE64_VALUE.get(c);
    if (digit === undefined) throw new Error(`bad VLQ character ${JSON.stringify(c)}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Per generated line: [generated column, source index or -1 when the segment names no source]. */
export function decodeMappings(mappings: string): [number, number][][] {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: [number, number][] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields = decodeVlq(seg);
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        segments.push([column, source]);
      } else segments.push([column, -1]);
    }
    return segments.sort((a, b) => a[0] - b[0]);
  });
}

/** Our code lives in src/; anything from node_modules (or a bundler helper) is a library. */
export function classifySource(path: string): Exclude<CodeKind, 'unmapped'> {
  const p = path.replace(/\\/g, '/');
  if (p.includes('/node_modules/') || p.startsWith('node_modules/')) return 'vendor';
  return /(^|\/)src\//.test(p) ? 'app' : 'vendor';
}

/** Whether a chunk is the chart library's: most of its sources are ECharts, zrender or vue-echarts. */
export function isChartChunk(sources: readonly string[]): boolean {
  const chart = sources.filter((p) => /node_modules\/(echarts|zrender|vue-echarts)\//.test(p.replace(/\\/g, '/'))).length;
  return sources.length > 0 && chart * 2 > sources.length;
}

/** Splits generated code into the text that came from app sources, vendor sources, or nothing. */
export function splitBySource(code: string, map: { sources: string[]; mappings: string }): Record<CodeKind, string> {
  const kinds = map.sources.map(classifySource);
  const parts: Record<CodeKind, string[]> = { app: [], vendor: [], unmapped: [] };
  const lines = code.split('\n');
  const mapped = decodeMappings(map.mappings);
  lines.forEach((line, i) => {
    const segments = mapped[i] ?? [];
    if (segments.length === 0 || segments[0][0] > 0) parts.unmapped.push(line.slice(0, segments[0]?.[0] ?? line.length));
    segments.forEach(([column, source], k) => {
      const end = k + 1 < segments.length ? segments[k + 1][0] : line.length;
      parts[source < 0 ? 'unmapped' : (kinds[source] ?? 'vendor')].push(line.slice(column, end));
    });
    if (i + 1 < lines.length) parts.unmapped.push('\n');
  });
  return { app: parts.app.join(''), vendor: parts.vendor.join(''), unmapped: parts.unmapped.join('') };
}

/** A chunk without a source map, by its file name: the budget file lists library name patterns. */
export function kindByName(file: string, vendorPatterns: readonly string[]): Exclude<CodeKind, 'unmapped'> {
  const base = file.split('/').pop() ?? file;
  return vendorPatterns.some((p) => base.toLowerCase().includes(p.toLowerCase())) ? 'vendor' : 'app';
}

export interface BudgetLine {
  name: string;
  gzipBytes: number;
  limitKb: number | null;
  ok: boolean;
}

export function budgetLine(name: string, gzipBytes: number, limitKb: number | null | undefined): BudgetLine {
  const limit = limitKb ?? null;
  return { name, gzipBytes, limitKb: limit, ok: limit === null || gzipBytes <= limit * 1024 };
}
