/**
 * Server fan-out: the real server (in this process) at 1 Hz feeding 1 wall + N console sockets that
 * live in separate client processes (bench/fanOutClients.ts), so the server's CPU, event loop and
 * memory are measured here while decoding happens elsewhere. Half the consoles subscribe to a few
 * channels (`view:subscribe`), exercising the per-subscription encodings. A run whose client
 * processes are CPU-bound is flagged: its latencies measure the clients, not the server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { RunningServer } from '../mock-server/server';
import type { ChannelId } from '../src/protocol/channels';
import type { WireDelta } from '../src/protocol/events';
import type { ScaleName } from '../mock-server/city/scaleProfiles';
import { startTestServer } from '../tests/support/testServer';
import type { ChildConfig, ChildResult, ClientRole, ClientSpec, FrameCounters } from './fanOutClients';
import { cpuPercentOfCore, summarize, type Summary } from './stats';

export const SUBSCRIBED_CHANNELS: ChannelId[] = ['team.pos', 'team.state', 'pump.state'];
/** Above this share of a core a client process is the bottleneck, and the run says nothing about the server. */
export const CLIENT_CPU_LIMIT_PERCENT = 90;

export interface FanOutOptions {
  consoles: number;
  processes: number;
  warmupMs: number;
  windowMs: number;
}

export interface ServerWindow {
  cpuPercentOfCore: number;
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
  rssMb: number;
  /** Time in hub.publish per tick (the fan-out itself, encoding and writes), ms. */
  publish: Summary;
  ticks: number;
}

export interface FanOutResult extends FrameCounters {
  consoles: number;
  processes: number;
  connected: number;
  expected: number;
  server: ServerWindow;
  latency: Summary;
  /** Bytes per second per client, by role. */
  bytesPerSecond: Record<ClientRole, number>;
  framesPerClientPerSecond: number;
  clientCpuPercent: number[];
  clientBound: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHILD_SCRIPT = fileURLToPath(new URL('./fanOutClients.ts', import.meta.url));

/** 1 wall, then N consoles alternating all-channels / subscribed. */
export function clientPlan(consoles: number): ClientSpec[] {
  const plan: ClientSpec[] = [{ role: 'wall' }];
  for (let i = 0; i < consoles; i++) plan.push({ role: i % 2 === 0 ? 'console' : 'console-sub' });
  return plan;
}

/** Deals clients round-robin over the processes, role by role, so each gets a similar mix of roles. */
export function splitPlan(plan: readonly ClientSpec[], processes: number): ClientSpec[][] {
  const shares: ClientSpec[][] = Array.from({ length: processes }, () => []);
  const byRole = [...plan].sort((a, b) => a.role.localeCompare(b.role));
  byRole.forEach((spec, i) => shares[i % processes].push(spec));
  return shares;
}

/** Wraps the hub's publish to time each fan-out; returns the samples array and an undo. */
function timePublish(server: RunningServer) {
  const samples: number[] = [];
  const hub = server.hub;
  const original = hub.publish;
  hub.publish = (delta: WireDelta) => {
    const t0 = performance.now();
    original.call(hub, delta);
    samples.push(performance.now() - t0);
  };
  return { samples, restore: () => (hub.publish = original) };
}

/** The server process's CPU, event loop, memory and publish time over a window of `ms`. */
async function measureServer(server: RunningServer, ms: number): Promise<ServerWindow> {
  const publish = timePublish(server);
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(ms);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const elu = performance.eventLoopUtilization(elu0);
  eld.disable();
  publish.restore();
  return {
    cpuPercentOfCore: cpuPercentOfCore(cpu.user + cpu.system, wall),
    eventLoopUtilization: elu.utilization,
    eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    publish: summarize(publish.samples),
    ticks: publish.samples.length,
  };
}

/** The server alone (simulator + rules + history, no sockets): what the fan-out adds is the rest. */
export async function measureIdleServer(server: RunningServer, ms: number): Promise<ServerWindow> {
  return measureServer(server, ms);
}

function waitFor<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client process ${child.pid}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(msg as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`client process ${child.pid} exited (${code}) before ${type}`));
    });
  });
}

export async function measureFanOut(server: RunningServer, options: FanOutOptions): Promise<FanOutResult> {
  const plan = clientPlan(options.consoles);
  const children = splitPlan(plan, options.processes).map((clients) => {
    const config: ChildConfig = { url: server.url, clients, subscribeChannels: SUBSCRIBED_CHANNELS };
    return fork(CHILD_SCRIPT, [JSON.stringify(config)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, CITYOPS_FANOUT_CHILD: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  });
  try {
    const ready = await Promise.all(children.map((c) => waitFor<{ connected: number }>(c, 'ready', 90_000)));
    const connected = ready.reduce((n, r) => n + r.connected, 0);
    await sleep(options.warmupMs);
    const results = children.map((c) => waitFor<ChildResult>(c, 'result', options.windowMs + 30_000));
    for (const c of children) c.send({ type: 'start' });
    const server_ = await measureServer(server, options.windowMs);
    for (const c of children) c.send({ type: 'stop' });
    const reports = await Promise.all(results);

    const seconds = options.windowMs / 1000;
    const totals = (role: ClientRole) => {
      const clients = reports.reduce((n, r) => n + r.roles[role].clients, 0);
      const bytes = reports.reduce((n, r) => n + r.roles[role].bytes, 0);
      return clients ? bytes / clients / seconds : NaN;
    };
    const frames = reports.reduce((n, r) => n + r.roles.wall.frames + r.roles.console.frames + r.roles['console-sub'].frames, 0);
    const sum = (k: 'gaps' | 'resyncs' | 'catchUps' | 'serverSnapshots' | 'decodeErrors' | 'disconnects') => reports.reduce((n, r) => n + r[k], 0);
    const clientCpuPercent = reports.map((r) => cpuPercentOfCore(r.cpuMicros, r.windowMs));
    return {
      consoles: options.consoles,
      processes: options.processes,
      connected,
      expected: plan.length,
      server: server_,
      latency: summarize(reports.flatMap((r) => r.latencies)),
      bytesPerSecond: { wall: totals('wall'), console: totals('console'), 'console-sub': totals('console-sub') },
      framesPerClientPerSecond: frames / plan.length / seconds,
      maxFrameBytes: Math.max(...reports.map((r) => r.maxFrameBytes)),
      gaps: sum('gaps'),
      resyncs: sum('resyncs'),
      catchUps: sum('catchUps'),
      serverSnapshots: sum('serverSnapshots'),
      decodeErrors: sum('decodeErrors'),
      disconnects: sum('disconnects'),
      clientCpuPercent,
      clientBound: clientCpuPercent.some((p) => p > CLIENT_CPU_LIMIT_PERCENT),
    };
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  }
}

/** The whole section: one server (storm, 1 Hz, ×60 unless told), idle baseline, then each N. */
export async function runFanOutSection(
  sizes: number[],
  opts: { processes?: number; warmupMs?: number; windowMs?: number; idleMs?: number; scale?: ScaleName; speed?: number } = {},
) {
  // Hundreds of screens from one loopback address, all anonymous: the socket caps are lifted for the bench.
  const server = await startTestServer({
    scenario: 'storm',
    speed: opts.speed ?? 60,
    tickMs: 1000,
    scale: opts.scale ?? 'shanghai',
    socketMaxPerAddress: 100_000,
    socketMaxPerKiosk: 100_000,
  });
  try {
    await sleep(3000); // let the first ticks (JIT, storm start) pass
    const idle = await measureIdleServer(server, opts.idleMs ?? 10_000);
    const runs: FanOutResult[] = [];
    for (const consoles of sizes) {
      runs.push(await measureFanOut(server, { consoles, processes: opts.processes ?? 2, warmupMs: opts.warmupMs ?? 5000, windowMs: opts.windowMs ?? 20_000 }));
      await sleep(1000);
    }
    return { idle, runs };
  } finally {
    await server.close();
  }
}
