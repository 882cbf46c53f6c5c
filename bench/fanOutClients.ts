/**
 * One client process of the fan-out bench (bench/fanOut.ts forks two or more of these, so that no
 * single process decodes for every client). Opens its share of sockets with the real socket.io
 * client and the project's decoder, applies every frame to per-client channel arrays as a screen
 * would, and reports latency (receive − sentAt, same host clock), bytes and gaps over IPC.
 *
 * Parent → child: {type:'start'} opens the measuring window, {type:'stop'} closes it.
 * Child → parent: {type:'ready', ...}, then {type:'result', ...}.
 */
import { applyChannel, decodeChannel } from '../src/protocol/channelCodec';
import { unpackChannels } from '../src/protocol/channelFrame';
import type { ChannelId } from '../src/protocol/channels';
import type { WireDelta, WireSnapshot } from '../src/protocol/events';
import { connectClient, type TestSocket } from '../tests/support/socketClient';
import { frameBytes } from './stats';

export type ClientRole = 'wall' | 'console' | 'console-sub';

export interface ClientSpec {
  role: ClientRole;
}

export interface ChildConfig {
  url: string;
  clients: ClientSpec[];
  subscribeChannels: ChannelId[];
}

export interface RoleTotals {
  clients: number;
  frames: number;
  bytes: number;
}

/** What went other than one in-order frame after another, counted over all clients of a run. */
export interface FrameCounters {
  gaps: number;
  resyncs: number;
  catchUps: number;
  serverSnapshots: number;
  decodeErrors: number;
  disconnects: number;
  /** Largest frame seen, bytes. */
  maxFrameBytes: number;
}

export interface ChildResult extends FrameCounters {
  type: 'result';
  pid: number;
  clients: number;
  connected: number;
  /** Latency of every frame in the window, ms. */
  latencies: number[];
  roles: Record<ClientRole, RoleTotals>;
  windowMs: number;
  cpuMicros: number;
}

type ChannelArray = Float32Array | Uint8Array;

interface ClientState {
  role: ClientRole;
  socket: TestSocket;
  lastSeq: number;
  arrays: Map<string, ChannelArray>;
  ready: boolean;
}

const now = () => performance.timeOrigin + performance.now();

function run(config: ChildConfig) {
  const states: ClientState[] = [];
  let measuring = false;
  let windowStart = 0;
  let cpu0 = process.cpuUsage();
  const emptyTotals = (): Record<ClientRole, RoleTotals> => ({
    wall: { clients: 0, frames: 0, bytes: 0 },
    console: { clients: 0, frames: 0, bytes: 0 },
    'console-sub': { clients: 0, frames: 0, bytes: 0 },
  });
  let latencies: number[] = [];
  let roles = emptyTotals();
  let counters = { gaps: 0, resyncs: 0, catchUps: 0, serverSnapshots: 0, decodeErrors: 0, disconnects: 0, maxFrameBytes: 0 };

  const loadSnapshot = (state: ClientState, snap: WireSnapshot) => {
    state.arrays = new Map();
    for (const [id, chunk] of Object.entries(unpackChannels(snap.channels))) {
      const decoded = decodeChannel(chunk);
      state.arrays.set(id, decoded.values.slice() as ChannelArray);
    }
    state.lastSeq = snap.seq;
  };

  const resync = (state: ClientState) => {
    if (measuring) counters.resyncs++;
    state.socket.emit('readings:resync', { lastSeq: state.lastSeq }, (ack) => {
      if (ack.ok) loadSnapshot(state, ack.data);
    });
  };

  const onDelta = (state: ClientState, delta: WireDelta) => {
    const received = now();
    const base = delta.baseSeq ?? delta.seq - 1;
    if (base !== state.lastSeq) {
      if (measuring) counters.gaps++;
      resync(state);
      return;
    }
    if (base !== delta.seq - 1 && measuring) counters.catchUps++;
    try {
      if (delta.channels) {
        for (const [id, chunk] of Object.entries(unpackChannels(delta.channels))) {
          const target = state.arrays.get(id);
          if (target) applyChannel(target, chunk);
        }
      }
    } catch {
      if (measuring) counters.decodeErrors++;
      resync(state);
      return;
    }
    state.lastSeq = delta.seq;
    if (!measuring) return;
    const bytes = frameBytes(delta);
    latencies.push(received - delta.sentAt);
    roles[state.role].frames++;
    roles[state.role].bytes += bytes;
    if (bytes > counters.maxFrameBytes) counters.maxFrameBytes = bytes;
  };

  const open = (spec: ClientSpec) =>
    new Promise<void>((resolve) => {
      const socket = connectClient(config.url);
      const state: ClientState = { role: spec.role, socket, lastSeq: -1, arrays: new Map(), ready: false };
      states.push(state);
      const timer = setTimeout(resolve, 30_000);
      const done = () => {
        state.ready = true;
        clearTimeout(timer);
        resolve();
      };
      let first = true;
      socket.on('readings:snapshot', (snap) => {
        loadSnapshot(state, snap);
        if (!first) {
          if (measuring) counters.serverSnapshots++;
          return;
        }
        first = false;
        if (spec.role !== 'console-sub') return done();
        socket.emit('view:subscribe', { channels: config.subscribeChannels }, (ack) => {
          if (ack.ok) loadSnapshot(state, ack.data);
          done();
        });
      });
      socket.on('readings:delta', (delta) => onDelta(state, delta));
      socket.on('disconnect', () => {
        if (measuring) counters.disconnects++;
      });
      socket.on('connect_error', () => resolve());
    });

  const connectAll = async () => {
    // A few at a time: each connection is sent the catalogue and a full snapshot.
    const BATCH = 20;
    for (let i = 0; i < config.clients.length; i += BATCH) await Promise.all(config.clients.slice(i, i + BATCH).map(open));
    process.send!({ type: 'ready', pid: process.pid, connected: states.filter((s) => s.ready).length });
  };

  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'start') {
      latencies = [];
      roles = emptyTotals();
      counters = { gaps: 0, resyncs: 0, catchUps: 0, serverSnapshots: 0, decodeErrors: 0, disconnects: 0, maxFrameBytes: 0 };
      for (const s of states) roles[s.role].clients++;
      windowStart = now();
      cpu0 = process.cpuUsage();
      measuring = true;
    } else if (msg.type === 'stop') {
      measuring = false;
      const cpu = process.cpuUsage(cpu0);
      const result: ChildResult = {
        type: 'result',
        pid: process.pid,
        clients: states.length,
        connected: states.filter((s) => s.ready && s.socket.connected).length,
        latencies,
        roles,
        ...counters,
        windowMs: now() - windowStart,
        cpuMicros: cpu.user + cpu.system,
      };
      for (const s of states) s.socket.disconnect();
      process.send!(result, () => process.exit(0));
    }
  });

  void connectAll();
}

// Only when forked by bench/fanOut.ts (which sets this), never when merely imported.
if (process.env.CITYOPS_FANOUT_CHILD === '1' && process.send) {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  run(config);
}
