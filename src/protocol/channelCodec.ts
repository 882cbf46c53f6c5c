/**
 * Binary codec for one live channel: a full frame (every slot) or a sparse delta (changed slots only).
 *
 * Layout, little-endian, 4-byte aligned so typed-array views need no copy:
 *   u8 version | u8 dtype (0 f32, 1 u8) | u8 mode (0 full, 1 sparse) | u8 reserved | u32 count
 *   full:   values[count]
 *   sparse: u32 slots[count], then values[count] (u8 values padded to 4 bytes)
 */
import { toArrayBuffer, type BinaryChunk } from './binary';
import type { ChannelArray } from './channels';

const VERSION = 1;
const HEADER_BYTES = 8;
const DTYPE_F32 = 0;
const DTYPE_U8 = 1;
const MODE_FULL = 0;
const MODE_SPARSE = 1;

function dtypeOf(values: ChannelArray): number {
  return values instanceof Uint8Array ? DTYPE_U8 : DTYPE_F32;
}

function bytesPerValue(dtype: number): number {
  return dtype === DTYPE_U8 ? 1 : 4;
}

const padTo4 = (n: number) => (n + 3) & ~3;

function writeHeader(buffer: ArrayBuffer, dtype: number, mode: number, count: number): void {
  const head = new DataView(buffer, 0, HEADER_BYTES);
  head.setUint8(0, VERSION);
  head.setUint8(1, dtype);
  head.setUint8(2, mode);
  head.setUint32(4, count, true);
}

function valuesView(buffer: ArrayBuffer, dtype: number, offset: number, count: number): ChannelArray {
  return dtype === DTYPE_U8 ? new Uint8Array(buffer, offset, count) : new Float32Array(buffer, offset, count);
}

/** Every slot's value. */
export function encodeFull(values: ChannelArray): ArrayBuffer {
  const dtype = dtypeOf(values);
  const buffer = new ArrayBuffer(HEADER_BYTES + padTo4(values.length * bytesPerValue(dtype)));
  writeHeader(buffer, dtype, MODE_FULL, values.length);
  valuesView(buffer, dtype, HEADER_BYTES, values.length).set(values);
  return buffer;
}

/**
 * Only the slots whose value differs between `prev` and `next`; null when nothing changed.
 * Falls back to a full frame when that is smaller (sparse costs 4 extra bytes a slot).
 */
export function encodeDelta(prev: ChannelArray, next: ChannelArray): ArrayBuffer | null {
  if (prev.length !== next.length || dtypeOf(prev) !== dtypeOf(next)) {
    throw new RangeError(`encodeDelta: channel shape changed (${prev.length} → ${next.length} slots)`);
  }
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    // NaN !== NaN would mark a missing reading as changed every frame; treat NaN as equal to NaN.
    if (prev[i] !== next[i] && !(Number.isNaN(prev[i]) && Number.isNaN(next[i]))) changed.push(i);
  }
  if (changed.length === 0) return null;
  const dtype = dtypeOf(next);
  const valueBytes = padTo4(changed.length * bytesPerValue(dtype));
  const sparseBytes = changed.length * 4 + valueBytes;
  if (sparseBytes >= padTo4(next.length * bytesPerValue(dtype))) return encodeFull(next);
  const buffer = new ArrayBuffer(HEADER_BYTES + sparseBytes);
  writeHeader(buffer, dtype, MODE_SPARSE, changed.length);
  new Uint32Array(buffer, HEADER_BYTES, changed.length).set(changed);
  const values = valuesView(buffer, dtype, HEADER_BYTES + changed.length * 4, changed.length);
  for (let k = 0; k < changed.length; k++) values[k] = next[changed[k]];
  return buffer;
}

/** Decoded frame, as views into the received bytes. */
export interface DecodedChannel {
  mode: 'full' | 'sparse';
  values: ChannelArray;
  /** Present for sparse frames: the slot of each value. */
  slots?: Uint32Array;
}

export class ChannelCodecError extends Error {}

export function decodeChannel(chunk: BinaryChunk): DecodedChannel {
  const buffer = toArrayBuffer(chunk);
  if (buffer.byteLength < HEADER_BYTES) throw new ChannelCodecError('channel frame shorter than its header');
  const head = new DataView(buffer, 0, HEADER_BYTES);
  const version = head.getUint8(0);
  const dtype = head.getUint8(1);
  const mode = head.getUint8(2);
  const count = head.getUint32(4, true);
  if (version !== VERSION) throw new ChannelCodecError(`unknown channel frame version ${version}`);
  if (dtype !== DTYPE_F32 && dtype !== DTYPE_U8) throw new ChannelCodecError(`unknown dtype ${dtype}`);
  const valueBytes = padTo4(count * bytesPerValue(dtype));
  if (mode === MODE_FULL) {
    if (buffer.byteLength !== HEADER_BYTES + valueBytes) throw new ChannelCodecError('full frame length mismatch');
    return { mode: 'full', values: valuesView(buffer, dtype, HEADER_BYTES, count) };
  }
  if (mode === MODE_SPARSE) {
    if (buffer.byteLength !== HEADER_BYTES + count * 4 + valueBytes) {
      throw new ChannelCodecError('sparse frame length mismatch');
    }
    return {
      mode: 'sparse',
      slots: new Uint32Array(buffer, HEADER_BYTES, count),
      values: valuesView(buffer, dtype, HEADER_BYTES + count * 4, count),
    };
  }
  throw new ChannelCodecError(`unknown frame mode ${mode}`);
}

/**
 * Writes a frame into the channel's live array; returns how many slots it wrote.
 * Throws (writing nothing) when the frame does not fit the array, so a bad frame never half-applies.
 */
export function applyChannel(target: ChannelArray, chunk: BinaryChunk): number {
  const frame = decodeChannel(chunk);
  if (dtypeOf(frame.values) !== dtypeOf(target)) throw new ChannelCodecError('frame dtype does not match channel');
  if (frame.mode === 'full') {
    if (frame.values.length !== target.length) {
      throw new ChannelCodecError(`full frame has ${frame.values.length} slots, channel has ${target.length}`);
    }
    target.set(frame.values);
    return target.length;
  }
  const slots = frame.slots!;
  for (let k = 0; k < slots.length; k++) {
    if (slots[k] >= target.length) throw new ChannelCodecError(`slot ${slots[k]} out of range (${target.length})`);
  }
  for (let k = 0; k < slots.length; k++) target[slots[k]] = frame.values[k];
  return slots.length;
}
