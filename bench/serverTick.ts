/**
 * Server cost per simulation tick and bytes of deltas per second, at either scale profile.
 * Runs the city pipeline (simulator, rules, desk, vitals, feed) in-process (no sockets): what one tick costs the server's event loop.
 */
import { loadCityGeo } from '../mock-server/city/cityGeo';
import type { ScaleName } from '../mock-server/city/scaleProfiles';
import { createCityStages } from '../mock-server/pipeline/cityStages';
import { LiveCity } from '../mock-server/pipeline/liveCity';
import type { RainScenarioId } from '../mock-server/simulator/scenarios/rainScenarios';
import { unpackChannels } from '../src/protocol/channelFrame';

export interface ServerTickResult {
  scenario: string;
  scale: ScaleName;
  roadSegments: number;
  elevators: number;
  speed: number;
  ticks: number;
  tickMsP50: number;
  tickMsP95: number;
  tickMsMax: number;
  cpuPercentOfCore: number;
  deltaBytesPerSecond: number;
  eventsPerSecond: number;
  snapshotBytes: number;
  busiestChannel: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export function measureServerTick(scenario: RainScenarioId, speed: number, ticks: number, scale: ScaleName = 'shanghai', tickMs = 1000): ServerTickResult {
  const geo = loadCityGeo();
  const stages = createCityStages(geo, { seed: 20260701, startTime: Date.parse('2026-07-15T14:00:00+08:00'), scenario, scale });
  const city = new LiveCity(stages, { tickMs, speed });
  // Warm up the JIT and let the storm build before measuring.
  for (let i = 0; i < 30; i++) city.tick();
  const times: number[] = [];
  let bytes = 0;
  let events = 0;
  const perChannel = new Map<string, number>();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ticks; i++) {
    const t0 = performance.now();
    const delta = city.tick();
    times.push(performance.now() - t0);
    events += delta.events.length;
    if (delta.channels) {
      bytes += delta.channels.byteLength;
      for (const [id, chunk] of Object.entries(unpackChannels(delta.channels))) perChannel.set(id, (perChannel.get(id) ?? 0) + chunk.byteLength);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...times].sort((a, b) => a - b);
  const wallSeconds = (ticks * tickMs) / 1000;
  const busiest = [...perChannel].sort((a, b) => b[1] - a[1])[0];
  return {
    scenario,
    scale,
    roadSegments: stages.assets.roads.segmentCount,
    elevators: stages.assets.elevators.count,
    speed,
    ticks,
    tickMsP50: percentile(sorted, 0.5),
    tickMsP95: percentile(sorted, 0.95),
    tickMsMax: sorted[sorted.length - 1],
    // CPU the ticks would take in real time, as a share of one core.
    cpuPercentOfCore: ((cpu.user + cpu.system) / 1000 / (wallSeconds * 1000)) * 100,
    deltaBytesPerSecond: bytes / wallSeconds,
    eventsPerSecond: events / wallSeconds,
    snapshotBytes: (city.feed.snapshot().channels as ArrayBuffer).byteLength,
    busiestChannel: busiest ? `${busiest[0]} (${Math.round(busiest[1] / wallSeconds)} B/s)` : '—',
  };
}
