/**
 * Binary codec for one live channel: a full frame (every slot) or a sparse delta (changed slots only).
 *
 * Values travel in the channel's wire format, which may be narrower than the array that holds them:
 * f32 as is; u16 / u8 as whole multiples of `scale` (the code 2^bits − 1 meaning NaN, "no data");
 * u4 packs two small enum values (a state index) per byte. So a road speed at 0.1 km/h resolution
 * costs 2 bytes, not 4, and an elevator's state half a byte.
 *
 * Layout, little-endian, 4-byte aligned so an f32 frame needs no copy:
 *   u8 version | u8 wire type (0 f32, 1 u8, 2 u16, 3 u4) | u8 mode (0 full, 1 sparse) | u8 reserved
 *   u32 count | f64 scale (0: values are not scaled; f64 so both ends multiply by the very same number)
 *   full:   values[count]                                  (padded to 4 bytes)
 *   sparse: values[count] (padded to 4), then the slots as LEB128 varints of the gap to the previous
 *           changed slot (first: the slot itself), padded to 4 — at 10 % churn a slot costs one byte.
 */
import { toArrayBuffer, type BinaryChunk } from './binary';
import type { ChannelArray } from './channels';
import { WIRE_TYPES, type WireFormat, type WireType } from './wireFormat';

const VERSION = 2;
const HEADER_BYTES = 16;
const MODE_FULL = 0;
const MODE_SPARSE = 1;

const F32: WireFormat = { type: 'f32' };
const U8: WireFormat = { type: 'u8' };

export class ChannelCodecError extends Error {}

const padTo4 = (n: number) => (n + 3) & ~3;

function valueBytes(type: WireType, count: number): number {
  if (type === 'f32') return count * 4;
  if (type === 'u16') return count * 2;
  if (type === 'u4') return Math.ceil(count / 2);
  return count;
}

/** Largest code of an integer wire type; with a scale it stands for NaN. */
const maxCode = (type: WireType) => (type === 'u16' ? 0xffff : type === 'u8' ? 0xff : 0xf);

function defaultFormat(values: ChannelArray): WireFormat {
  return values instanceof Uint8Array ? U8 : F32;
}

/** Float arrays travel as f32 or as scaled u8/u16 codes; byte arrays (state indices) as u8 or u4. */
function checkFormat(values: ChannelArray, format: WireFormat): void {
  const fits =
    values instanceof Uint8Array
      ? (format.type === 'u8' || format.type === 'u4') && format.scale === undefined
      : format.type === 'f32'
        ? format.scale === undefined
        : (format.type === 'u8' || format.type === 'u16') && format.scale! > 0;
  if (!fits) throw new RangeError(`wire format ${format.type}${format.scale ? ` ×${format.scale}` : ''} does not fit a ${values.constructor.name}`);
}

/**
 * Rounds every scaled value to what its wire format can carry, in place, so the sender compares (and
 * keeps) exactly what receivers will decode. Out-of-range values are clamped to the format's range.
 */
export function quantise(values: ChannelArray, format: WireFormat): void {
  // State codes are whole numbers already; one that does not fit its format is refused when encoded.
  if (format.type === 'f32' || values instanceof Uint8Array) return;
  const scale = format.scale!;
  const top = maxCode(format.type) - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    values[i] = Math.min(top, Math.max(0, Math.round(v / scale))) * scale;
  }
}

/** Writes values (or the values at `slots`) into `out` at `offset` in the wire format. */
function writeValues(out: ArrayBuffer, offset: number, format: WireFormat, values: ChannelArray, slots: readonly number[] | null): void {
  const n = slots ? slots.length : values.length;
  const at = (k: number) => values[slots ? slots[k] : k];
  if (format.type === 'f32') {
    const view = new Float32Array(out, offset, n);
    for (let k = 0; k < n; k++) view[k] = at(k);
    return;
  }
  const max = maxCode(format.type);
  const code = format.scale
    ? (k: number) => {
        const v = at(k);
        return Number.isNaN(v) ? max : Math.min(max - 1, Math.max(0, Math.round(v / format.scale!)));
      }
    : (k: number) => {
        const v = at(k);
        if (!(v >= 0 && v <= max)) throw new RangeError(`value ${v} does not fit ${format.type}`);
        return v;
      };
  if (format.type === 'u16') {
    const view = new DataView(out, offset);
    for (let k = 0; k < n; k++) view.setUint16(k * 2, code(k), true);
  } else if (format.type === 'u8') {
    const view = new Uint8Array(out, offset, n);
    for (let k = 0; k < n; k++) view[k] = code(k);
  } else {
    const view = new Uint8Array(out, offset, Math.ceil(n / 2));
    for (let k = 0; k < n; k++) view[k >> 1] |= code(k) << ((k & 1) * 4);
  }
}

function writeHeader(buffer: ArrayBuffer, format: WireFormat, mode: number, count: number): void {
  const head = new DataView(buffer, 0, HEADER_BYTES);
  head.setUint8(0, VERSION);
  head.setUint8(1, WIRE_TYPES.indexOf(format.type));
  head.setUint8(2, mode);
  head.setUint32(4, count, true);
  head.setFloat64(8, format.scale ?? 0, true);
}

/** Every slot's value. */
export function encodeFull(values: ChannelArray, format: WireFormat = defaultFormat(values)): ArrayBuffer {
  checkFormat(values, format);
  const buffer = new ArrayBuffer(HEADER_BYTES + padTo4(valueBytes(format.type, values.length)));
  writeHeader(buffer, format, MODE_FULL, values.length);
  writeValues(buffer, HEADER_BYTES, format, values, null);
  return buffer;
}

const varintBytes = (gap: number) => (gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5);

/**
 * Only the slots whose value differs between `prev` and `next`; null when nothing changed.
 * Falls back to a full frame when that is smaller.
 */
export function encodeDelta(prev: ChannelArray, next: ChannelArray, format: WireFormat = defaultFormat(next)): ArrayBuffer | null {
  if (prev.length !== next.length || defaultFormat(prev) !== defaultFormat(next)) {
    throw new RangeError(`encodeDelta: channel shape changed (${prev.length} → ${next.length} slots)`);
  }
  checkFormat(next, format);
  const changed: number[] = [];
  let slotBytes = 0;
  for (let i = 0, last = -1; i < next.length; i++) {
    // NaN !== NaN would mark a missing reading as changed every frame; treat NaN as equal to NaN.
    if (prev[i] !== next[i] && !(Number.isNaN(prev[i]) && Number.isNaN(next[i]))) {
      changed.push(i);
      slotBytes += varintBytes(i - last - 1);
      last = i;
    }
  }
  if (changed.length === 0) return null;
  const valuesPart = padTo4(valueBytes(format.type, changed.length));
  const sparseBytes = valuesPart + padTo4(slotBytes);
  if (sparseBytes >= padTo4(valueBytes(format.type, next.length))) return encodeFull(next, format);
  const buffer = new ArrayBuffer(HEADER_BYTES + sparseBytes);
  writeHeader(buffer, format, MODE_SPARSE, changed.length);
  writeValues(buffer, HEADER_BYTES, format, next, changed);
  const bytes = new Uint8Array(buffer, HEADER_BYTES + valuesPart);
  let at = 0;
  for (let k = 0, last = -1; k < changed.length; k++) {
    let gap = changed[k] - last - 1;
    last = changed[k];
    while (gap >= 0x80) {
      bytes[at++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    bytes[at++] = gap;
  }
  return buffer;
}

interface FrameHeader {
  buffer: ArrayBuffer;
  format: WireFormat;
  mode: 'full' | 'sparse';
  count: number;
  /** Byte offset of the varint slots (sparse frames). */
  slotsAt: number;
}

function readHeader(chunk: BinaryChunk): FrameHeader {
  const buffer = toArrayBuffer(chunk);
  if (buffer.byteLength < HEADER_BYTES) throw new ChannelCodecError('channel frame shorter than its header');
  const head = new DataView(buffer, 0, HEADER_BYTES);
  const version = head.getUint8(0);
  if (version !== VERSION) throw new ChannelCodecError(`unknown channel frame version ${version}`);
  const type = WIRE_TYPES[head.getUint8(1)];
  if (!type) throw new ChannelCodecError(`unknown wire type ${head.getUint8(1)}`);
  const mode = head.getUint8(2);
  const count = head.getUint32(4, true);
  const scale = head.getFloat64(8, true);
  if (!(scale >= 0) || (scale > 0 && (type === 'f32' || type === 'u4'))) throw new ChannelCodecError(`bad scale ${scale} for ${type}`);
  const format: WireFormat = scale > 0 ? { type, scale } : { type };
  const valuesPart = padTo4(valueBytes(type, count));
  if (mode === MODE_FULL) {
    if (buffer.byteLength !== HEADER_BYTES + valuesPart) throw new ChannelCodecError('full frame length mismatch');
    return { buffer, format, mode: 'full', count, slotsAt: -1 };
  }
  if (mode === MODE_SPARSE) {
    // Each slot takes 1–5 varint bytes; the exact length is checked while reading them.
    if (buffer.byteLength < HEADER_BYTES + valuesPart + count || (buffer.byteLength - HEADER_BYTES) % 4 !== 0) {
      throw new ChannelCodecError('sparse frame length mismatch');
    }
    return { buffer, format, mode: 'sparse', count, slotsAt: HEADER_BYTES + valuesPart };
  }
  throw new ChannelCodecError(`unknown frame mode ${mode}`);
}

/** Reads the k-th value of a frame, decoded to the number it stands for. */
function valueReader(h: FrameHeader): (k: number) => number {
  const { buffer, format, count } = h;
  if (format.type === 'f32') {
    const view = new Float32Array(buffer, HEADER_BYTES, count);
    return (k) => view[k];
  }
  const raw =
    format.type === 'u16'
      ? ((view: DataView) => (k: number) => view.getUint16(k * 2, true))(new DataView(buffer, HEADER_BYTES))
      : format.type === 'u8'
        ? ((view: Uint8Array) => (k: number) => view[k])(new Uint8Array(buffer, HEADER_BYTES, count))
        : ((view: Uint8Array) => (k: number) => (view[k >> 1] >> ((k & 1) * 4)) & 0xf)(new Uint8Array(buffer, HEADER_BYTES, Math.ceil(count / 2)));
  if (!format.scale) return raw;
  const scale = format.scale;
  const nan = maxCode(format.type);
  return (k) => {
    const code = raw(k);
    return code === nan ? NaN : code * scale;
  };
}

/** Decodes the sparse frame's slots; throws on a truncated, overlong or out-of-range list. */
function readSlots(h: FrameHeader, slotCount: number): Uint32Array {
  const bytes = new Uint8Array(h.buffer, h.slotsAt);
  const slots = new Uint32Array(h.count);
  let at = 0;
  let last = -1;
  for (let k = 0; k < h.count; k++) {
    let gap = 0;
    let factor = 1;
    for (;;) {
      if (at >= bytes.length || factor > 0x800000000) throw new ChannelCodecError('sparse frame slots truncated');
      const b = bytes[at++];
      gap += (b & 0x7f) * factor;
      if (b < 0x80) break;
      factor *= 0x80;
    }
    last += gap + 1;
    if (last >= slotCount) throw new ChannelCodecError(`slot ${last} out of range (${slotCount})`);
    slots[k] = last;
  }
  if (padTo4(at) !== bytes.length) throw new ChannelCodecError('sparse frame length mismatch');
  return slots;
}

/** Decoded frame: the values as numbers (NaN for "no data") and, for sparse frames, their slots. */
export interface DecodedChannel {
  mode: 'full' | 'sparse';
  format: WireFormat;
  values: Float32Array | Uint8Array;
  slots?: Uint32Array;
}

/** Decodes a whole frame into fresh arrays (for tests and tools; live clients use applyChannel). */
export function decodeChannel(chunk: BinaryChunk): DecodedChannel {
  const h = readHeader(chunk);
  const read = valueReader(h);
  const values = h.format.type === 'f32' || h.format.scale ? new Float32Array(h.count) : new Uint8Array(h.count);
  for (let k = 0; k < h.count; k++) values[k] = read(k);
  return h.mode === 'full' ? { mode: 'full', format: h.format, values } : { mode: 'sparse', format: h.format, values, slots: readSlots(h, Infinity) };
}

/**
 * Writes a frame into the channel's live array; returns how many slots it wrote.
 * Throws (writing nothing) when the frame does not fit the array, so a bad frame never half-applies.
 */
export function applyChannel(target: ChannelArray, chunk: BinaryChunk): number {
  const h = readHeader(chunk);
  const floatFrame = h.format.type === 'f32' || h.format.scale !== undefined;
  if (floatFrame !== target instanceof Float32Array) throw new ChannelCodecError('frame dtype does not match channel');
  if (h.mode === 'full') {
    if (h.count !== target.length) throw new ChannelCodecError(`full frame has ${h.count} slots, channel has ${target.length}`);
    if (h.format.type === 'f32') target.set(new Float32Array(h.buffer, HEADER_BYTES, h.count));
    else if (h.format.type === 'u8' && !h.format.scale) target.set(new Uint8Array(h.buffer, HEADER_BYTES, h.count));
    else if (h.format.type === 'u4') {
      // The hot path at stress scale (240,000 elevator states): a plain loop, no per-value call.
      const packed = new Uint8Array(h.buffer, HEADER_BYTES, Math.ceil(h.count / 2));
      for (let k = 0; k < h.count; k++) target[k] = (packed[k >> 1] >> ((k & 1) * 4)) & 0xf;
    } else {
      const read = valueReader(h);
      for (let k = 0; k < h.count; k++) target[k] = read(k);
    }
    return target.length;
  }
  const slots = readSlots(h, target.length);
  const read = valueReader(h);
  for (let k = 0; k < slots.length; k++) target[slots[k]] = read(k);
  return slots.length;
}
