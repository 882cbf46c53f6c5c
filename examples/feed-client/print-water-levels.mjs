#!/usr/bin/env node
/**
 * Prints the live water levels of a CityOps server by gauge name, using nothing but the stock
 * socket.io client (`npm install socket.io-client`): no code from the CityOps source tree. A
 * walk-through of the feed it reads is in docs/feed.md.
 *
 *   CITYOPS_URL=http://localhost:8080 CITYOPS_USERNAME=operator CITYOPS_PASSWORD=… node print-water-levels.mjs
 *   CITYOPS_URL=http://localhost:8080 CITYOPS_TOKEN=<session token or kiosk link token> node print-water-levels.mjs
 *
 * CITYOPS_FRAMES=n stops after n deltas (default: run until interrupted). Output, one line a gauge:
 *   [seq 1234] 苏州河浙江路桥: 2.85 m
 * every gauge after each snapshot, then the gauges whose level changed in each delta.
 */
import { io } from 'socket.io-client';

const url = process.env.CITYOPS_URL ?? 'http://localhost:8080';
const framesWanted = Number(process.env.CITYOPS_FRAMES ?? Infinity);

/** A session token: the one given, or one from POST /api/auth/login. */
async function signIn() {
  if (process.env.CITYOPS_TOKEN) return process.env.CITYOPS_TOKEN;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: process.env.CITYOPS_USERNAME, password: process.env.CITYOPS_PASSWORD }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`login refused: ${body.error?.message ?? res.status}`);
  return body.token;
}

/** Node hands binary attachments over as Buffers at any offset: copy into an aligned ArrayBuffer. */
const aligned = (chunk) => new Uint8Array(chunk).slice().buffer;

// ---- the channel codec (docs/feed.md, "Decoding a channel") ----------------------------------------
const WIRE_TYPES = ['f32', 'u8', 'u16', 'u4'];
const pad4 = (n) => (n + 3) & ~3;
const valueBytes = (type, n) => (type === 'f32' ? n * 4 : type === 'u16' ? n * 2 : type === 'u4' ? Math.ceil(n / 2) : n);

/** The frames of a packed `channels` buffer, by channel index. */
function unpackChannels(buffer) {
  const view = new DataView(buffer);
  const frames = new Map();
  let at = 4;
  for (let k = view.getUint32(0, true); k > 0; k--) {
    const index = view.getUint16(at, true);
    const length = view.getUint32(at + 4, true);
    frames.set(index, new DataView(buffer, at + 8, length));
    at += 8 + pad4(length);
  }
  return frames;
}

/** Writes one channel frame (full or sparse) into `values`; returns the slots it wrote. */
function applyFrame(frame, values) {
  const type = WIRE_TYPES[frame.getUint8(1)];
  const sparse = frame.getUint8(2) === 1;
  const count = frame.getUint32(4, true);
  const scale = frame.getFloat64(8, true);
  const nan = type === 'u16' ? 0xffff : type === 'u8' ? 0xff : 0xf;
  const raw = (k) =>
    type === 'f32' ? frame.getFloat32(16 + k * 4, true)
    : type === 'u16' ? frame.getUint16(16 + k * 2, true)
    : type === 'u8' ? frame.getUint8(16 + k)
    : (frame.getUint8(16 + (k >> 1)) >> ((k & 1) * 4)) & 0xf;
  const value = (k) => {
    const code = raw(k);
    return scale > 0 ? (code === nan ? NaN : code * scale) : code;
  };
  const slots = [];
  if (!sparse) for (let k = 0; k < count; k++) slots.push(k);
  else {
    // Slots as LEB128 gaps after the values: the gap to the previous changed slot (first: from -1).
    let at = 16 + pad4(valueBytes(type, count));
    for (let k = 0, slot = -1; k < count; k++) {
      let gap = 0;
      for (let factor = 1; ; factor *= 0x80) {
        const b = frame.getUint8(at++);
        gap += (b & 0x7f) * factor;
        if (b < 0x80) break;
      }
      slots.push((slot += gap + 1));
    }
  }
  slots.forEach((slot, k) => (values[slot] = value(k)));
  return slots;
}

// ---- the feed --------------------------------------------------------------------------------------
const token = await signIn();
const socket = io(url, { auth: { token }, transports: ['websocket'] });

let gauges = null; // { names, warning, danger, channelIndex }
let levels = null;
let lastSeq = null;
let frames = 0;

const show = (seq, slot) => {
  const level = levels[slot];
  const mark = level >= gauges.danger[slot] ? ' (above danger)' : level >= gauges.warning[slot] ? ' (above warning)' : '';
  console.log(`[seq ${seq}] ${gauges.names[slot]}: ${Number.isNaN(level) ? 'no data' : `${level.toFixed(2)} m`}${mark}`);
};

function takeSnapshot(snapshot) {
  if (!gauges) return;
  levels = new Float32Array(gauges.names.length).fill(NaN);
  const frame = unpackChannels(aligned(snapshot.channels)).get(gauges.channelIndex);
  if (frame) applyFrame(frame, levels);
  lastSeq = snapshot.seq;
  for (let slot = 0; slot < levels.length; slot++) show(snapshot.seq, slot);
}

socket.on('connect_error', (err) => {
  console.error(`cannot connect: ${err.message}`);
  if (err.message.startsWith('unauthorized')) process.exit(1);
});

socket.on('city:catalog', (catalog) => {
  // A new catalogue (the city's asset registry changed): slots mean other gauges until its snapshot.
  levels = null;
  const group = catalog.groups.find((g) => g.kind === 'waterGauge');
  gauges = { names: group.names, warning: group.thresholds.warning, danger: group.thresholds.danger, channelIndex: catalog.channels.findIndex((c) => c.id === 'water') };
  console.log(`catalogue ${catalog.version}: ${gauges.names.length} water gauges`);
});

socket.on('readings:snapshot', takeSnapshot);

socket.on('readings:delta', (delta) => {
  // Frames from before the snapshot held (it was asked for while they were on their way) are in it.
  if (!levels || delta.seq <= lastSeq) return;
  // A frame that does not follow the state held (a gap, or a catch-up from before it): ask for a snapshot.
  if ((delta.baseSeq ?? delta.seq - 1) !== lastSeq) {
    levels = null;
    socket.emit('readings:resync', { lastSeq }, (answer) => (answer.ok ? takeSnapshot(answer.data) : console.error(answer.error.message)));
    return;
  }
  lastSeq = delta.seq;
  const frame = delta.channels && unpackChannels(aligned(delta.channels)).get(gauges.channelIndex);
  if (frame) for (const slot of applyFrame(frame, levels)) show(delta.seq, slot);
  if (++frames >= framesWanted) {
    socket.close();
    process.exit(0);
  }
});
