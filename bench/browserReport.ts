/** Prints one profile × viewport of the browser comparison: the pages side by side, then the ratios. */
import { median, mergeLoafs, stageTimings, summarizeLatency, type LoafSummary } from './browserMetrics';
import type { PageId, PageRun } from './browserUpdate';
import { fmt, summarize, table } from './stats';

const PAGE_LABELS: Record<PageId, string> = {
  ours: 'CityOps wall',
  maplibre: 'maplibre GeoJSON setData',
  deck: 'deck.gl binary attributes',
};

/** Target of ../shared/PERFORMANCE.md: ours takes at least this many times less main thread per update than plain maplibre. */
export const MAPLIBRE_RATIO_TARGET = 10;
/** Target: our frame interval p50 at most this multiple of the plain deck.gl page's. */
export const DECK_FRAME_RATIO_TARGET = 1.15;

const all = <T>(runs: PageRun[], pick: (r: PageRun) => T[]): T[] => runs.flatMap(pick);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const sum = (runs: PageRun[], pick: (r: PageRun) => number) => runs.reduce((n, r) => n + pick(r), 0);
const p50 = (values: number[]) => summarize(values).p50;

function pageRow(id: PageId, runs: PageRun[]): (string | number)[] {
  const update = summarize(all(runs, (r) => r.updateMs));
  const latency = summarizeLatency(all(runs, (r) => r.latency));
  const frames = summarize(all(runs, (r) => r.frameIntervals));
  const loaf = mergeLoafs(runs.map((r) => r.loaf));
  return [
    PAGE_LABELS[id],
    update.count,
    `${fmt(update.p50)} / ${fmt(update.p95)} / ${fmt(update.max)}`,
    fmt(mean(runs.map((r) => r.scriptMsPerUpdate)), 1),
    fmt(mean(runs.map((r) => r.scriptMsPerS)), 1),
    fmt(mean(runs.map((r) => r.taskMsPerS)), 1),
    `${loaf.app} / ${loaf.other} | ${loaf.all} (${runs.reduce((n, r) => n + r.longTasks, 0)})`,
    `${sum(runs, (r) => r.tasks.longByCpuApp)} / ${sum(runs, (r) => r.tasks.longByCpu)} | ${sum(runs, (r) => r.tasks.longByWall)} (max ${fmt(Math.max(...runs.map((r) => r.tasks.maxCpuMs)), 0)})`,
    `${fmt(median(runs.map((r) => r.heapMbStart)), 1)} → ${fmt(median(runs.map((r) => r.heapMbEnd)), 1)}`,
    `${fmt(latency.receivedP50, 0)} | ${fmt(latency.drawn.p50, 0)} / ${fmt(latency.drawn.p95, 0)} / ${fmt(latency.drawn.max, 0)} (${latency.count})`,
    `${fmt(frames.p50, 1)} / ${fmt(frames.p95, 1)} (${frames.count})`,
    `${fmt(mean(runs.map((r) => r.readyS)), 1)}${runs.some((r) => r.settledS !== null) ? ` (${fmt(mean(runs.map((r) => r.settledS ?? NaN)), 1)})` : ''}`,
    runs.some((r) => r.charts.count) ? `${fmt(mean(runs.map((r) => r.charts.cpuMsTotal / r.windowS)), 1)} / ${fmt(Math.max(...runs.map((r) => r.charts.maxCpuMs)), 1)}` : '—',
  ];
}

/** Round by round a/b, then the median: each round's pages ran back to back on the same machine state. */
function ratio(a: PageRun[], b: PageRun[], pick: (r: PageRun) => number): { median: number; rounds: number[] } {
  const rounds = a.slice(0, b.length).map((r, i) => pick(r) / pick(b[i]));
  return { median: median(rounds), rounds };
}

const ratioLine = (label: string, r: { median: number; rounds: number[] }, target: string, met?: (x: number) => boolean) =>
  `${label}: ${fmt(r.median)}× (rounds ${r.rounds.map((x) => fmt(x)).join(', ')}) — ${target}${met && Number.isFinite(r.median) ? (met(r.median) ? ' (met)' : ' (NOT met)') : ''}`;

function invokerLine(id: PageId, loaf: LoafSummary): string {
  const top = loaf.invokers.slice(0, 3).map((i) => `${i.invoker} ×${i.count} ${fmt(i.ms, 0)} ms`);
  return `  ${PAGE_LABELS[id]}: ${top.length ? top.join('; ') : 'none'}`;
}

export function formatComparison(title: string, runs: Record<PageId, PageRun[]>): string {
  const ids = (Object.keys(runs) as PageId[]).filter((id) => runs[id].length);
  const renderers = [...new Set(ids.flatMap((id) => runs[id].map((r) => r.renderer)))].join(' | ');
  const out = [`${title} — renderer: ${renderers}`];
  out.push(
    table(
      ['page', 'updates', 'update ms p50 / p95 / max', 'script ms/update', 'script ms/s', 'task ms/s', 'LoAF ≥ 50 ms blocking: app / other | all (long tasks)', 'tasks ≥ 50 ms CPU: app / all | by wall (max CPU ms)', 'heap MB after GC', 'emit → received p50 | → drawn p50 / p95 / max ms (n)', 'frame interval ms p50 / p95 (n)', 'first live state s (ours: map idle s)', 'chart frames CPU ms/s / max ms'],
      ids.map((id) => pageRow(id, runs[id])),
    ),
  );
  const { ours, maplibre, deck } = runs;
  if (ours.length && maplibre.length) {
    out.push(ratioLine('maplibre ÷ ours, main-thread ms per update (handler p50)', ratio(maplibre, ours, (r) => p50(r.updateMs)), `target ≥ ${MAPLIBRE_RATIO_TARGET}×`, (x) => x >= MAPLIBRE_RATIO_TARGET));
    out.push(ratioLine('maplibre ÷ ours, CDP script ms per update (all JS of the page, whatever it draws)', ratio(maplibre, ours, (r) => r.scriptMsPerUpdate), 'no target'));
  }
  if (ours.length && deck.length) {
    out.push(ratioLine('ours ÷ deck.gl, frame interval p50', ratio(ours, deck, (r) => p50(r.frameIntervals)), `target ≤ ${DECK_FRAME_RATIO_TARGET}×`, (x) => x <= DECK_FRAME_RATIO_TARGET));
    out.push(ratioLine('ours ÷ deck.gl, main-thread ms per update (handler p50)', ratio(ours, deck, (r) => p50(r.updateMs)), 'no target'));
  }
  out.push('Blocking LoAF ≥ 50 ms, top script invokers (count, script ms) over all rounds:');
  for (const id of ids) out.push(invokerLine(id, mergeLoafs(runs[id].map((r) => r.loaf))));
  if (ours.length) {
    const latency = summarizeLatency(all(ours, (r) => r.latency));
    out.push(`CityOps wall per stage (all rounds; layer:* run inside layers); emit → received p50 ${fmt(latency.receivedP50, 1)} ms, → applied p50 ${fmt(latency.appliedP50, 1)} ms:`);
    out.push(table(['stage', 'count', 'p50 ms', 'p95 ms', 'max ms'], stageTimings(all(ours, (r) => r.measures)).map((s) => [s.name, s.count, fmt(s.p50), fmt(s.p95), fmt(s.max)])));
  }
  const counted = ids.filter((id) => runs[id].some((r) => r.deckLayers.held > 0));
  if (counted.length) {
    out.push('deck.gl layers updated per update (sublayers included) p50 / p95 / max, of the most held:');
    for (const id of counted) {
      const updated = summarize(all(runs[id], (r) => r.deckLayers.updated));
      out.push(`  ${PAGE_LABELS[id]}: ${fmt(updated.p50, 0)} / ${fmt(updated.p95, 0)} / ${fmt(updated.max, 0)} of ${Math.max(...runs[id].map((r) => r.deckLayers.held))}`);
    }
  }
  return out.join('\n');
}
