/**
 * `npm run bench`: prints the server's cost per simulation tick and delta bytes per second at the
 * full Shanghai counts, and the browser's main-thread time per 1 Hz update, per stage and layer.
 * Figures, not pass/fail: compare runs on the same machine, and ratios within one run.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureBrowserUpdate } from './browserUpdate';
import { measureServerTick } from './serverTick';
import { startTestServer } from '../tests/support/testServer';

const fmt = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

async function main() {
  console.log(`CityOps bench — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} — Node ${process.version}\n`);

  console.log('1. Server: simulator + rules + feed per 1 s tick (Shanghai counts, in-process)');
  const server = [
    measureServerTick('showers', 1, 120),
    measureServerTick('storm', 1, 120),
    measureServerTick('storm', 60, 60),
  ];
  console.log(
    table(
      ['scenario', 'speed', 'tick p50 ms', 'p95 ms', 'max ms', 'CPU % of a core', 'delta B/s', 'events/s', 'snapshot B', 'busiest channel'],
      server.map((r) => [r.scenario, `×${r.speed}`, fmt(r.tickMsP50), fmt(r.tickMsP95), fmt(r.tickMsMax), fmt(r.cpuPercentOfCore, 1), Math.round(r.deltaBytesPerSecond), fmt(r.eventsPerSecond, 1), r.snapshotBytes, r.busiestChannel]),
    ),
  );

  if (!existsSync('dist/index.html')) {
    console.log('\n2. Browser: skipped (run `npm run build` first)');
    return;
  }
  console.log('\n2. Browser: main-thread ms per 1 Hz update (storm, ×60, Debian Chromium, software WebGL)');
  const live = await startTestServer({ distDir: 'dist', scenario: 'storm', speed: 60, tickMs: 1000 });
  try {
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
    ]) {
      const r = await measureBrowserUpdate(live, w, h, 20);
      console.log(`\n${r.viewport} — renderer: ${r.renderer} — ${r.updates} updates, script ${fmt(r.scriptMsPerSecond, 1)} ms/s, long tasks ≥ 50 ms: ${r.longTasks}`);
      console.log(table(['stage', 'count', 'p50 ms', 'p95 ms', 'max ms'], r.stages.map((s) => [s.name, s.count, fmt(s.p50), fmt(s.p95), fmt(s.max)])));
    }
  } finally {
    await live.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
