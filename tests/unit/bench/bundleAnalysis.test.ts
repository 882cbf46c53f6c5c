import { describe, expect, it } from 'vitest';
import { budgetLine, classifySource, decodeMappings, decodeVlq, isChartChunk, kindByName, parseInitialAssets, splitBySource } from '../../../bench/bundleAnalysis';

describe('initial assets of index.html', () => {
  it('lists the entry script, modulepreloads and stylesheets, not other links', () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link rel="icon" href="/favicon.ico">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">
      <script>inline()</script>
    </head>`;
    expect(parseInitialAssets(html)).toEqual({ scripts: ['/assets/index-A.js', '/assets/vendor-B.js'], stylesheets: ['/assets/index-C.css'] });
  });
});

describe('source-map attribution', () => {
  it('decodes base64 VLQ fields', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CAAC')).toEqual([1, 0, 0, 1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]); // 'g' = 32 (continue, 0), 'B' = 1 << 5 → 32 → +16
  });

  it('keeps generated columns per line and the source index across lines', () => {
    // line 0: col 0 → source 0, col 5 → source 1; line 1: col 2 → source 1 (relative 0), col 4 → no source
    expect(decodeMappings('AAAA,KCAA;EAAA,E')).toEqual([
      [
        [0, 0],
        [5, 1],
      ],
      [
        [2, 1],
        [4, -1],
      ],
    ]);
  });

  it('classifies src/ as app and node_modules or helpers as vendor', () => {
    expect(classifySource('../../src/map/CityMap.vue')).toBe('app');
    expect(classifySource('../../node_modules/maplibre-gl/dist/maplibre-gl.js')).toBe('vendor');
    expect(classifySource('../../node_modules/some-lib/src/index.ts')).toBe('vendor');
    expect(classifySource('\u0000vite/preload-helper.js')).toBe('vendor');
    expect(kindByName('maplibre-gl-worker-X.mjs', ['maplibre'])).toBe('vendor');
    expect(kindByName('LoginPage-X.js', ['maplibre'])).toBe('app');
  });

  it('splits generated text by the kind of source each segment maps to', () => {
    const code = 'libcodeAPP\n  app2;x';
    const map = { sources: ['../node_modules/lib/a.js', '../src/main.ts'], mappings: 'AAAA,OCAA;EAAA,IDAA' };
    // line 0: [0,7) lib, [7,10) app; line 1: [0,2) unmapped, [2,6) app, [6,8) lib
    const parts = splitBySource(code, map);
    expect(parts).toEqual({ app: 'APPapp2', vendor: 'libcode;x', unmapped: '\n  ' });
    expect(parts.app.length + parts.vendor.length + parts.unmapped.length).toBe(code.length);
  });

  it('checks a budget line in KB of 1024 bytes', () => {
    expect(budgetLine('x', 800 * 1024, 800).ok).toBe(true);
    expect(budgetLine('x', 800 * 1024 + 1, 800).ok).toBe(false);
    expect(budgetLine('x', 1e9, null)).toEqual({ name: 'x', gzipBytes: 1e9, limitKb: null, ok: true });
  });
});

describe('chart chunks', () => {
  it('are the chunks made mostly of ECharts, zrender and vue-echarts', () => {
    expect(isChartChunk(['../../node_modules/echarts/lib/core.js', '../../node_modules/zrender/lib/zrender.js', '../../src/shared/charts/EChart.vue'])).toBe(true);
    expect(isChartChunk(['../../node_modules/vue-echarts/dist/index.js', '../../src/shared/charts/EChart.vue'])).toBe(false);
    expect(isChartChunk(['../../node_modules/@deck.gl/core/dist/index.js', '../../src/main.ts'])).toBe(false);
    expect(isChartChunk([])).toBe(false);
  });
});
