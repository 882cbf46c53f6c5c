/**
 * When the readings fed from outside were measured, as a frame carries them (issue 15): per channel,
 * the slots whose newest reading from outside changed since the last frame (a snapshot: every such
 * slot), each with its event time as whole seconds before the frame's own time. A slot not listed is
 * as the client last heard it; a slot never listed was measured at its frame's time (the simulator's).
 *
 * One binary attachment per frame, all varints (LEB128), no alignment:
 *   per entry: channel index (CHANNEL_IDS order) | body byteLength | body
 *   body:      slot count, then per slot in ascending order: the gap to the previous slot (first: the
 *              slot itself, gaps count from -1) and the age in seconds, zigzag-coded (a reading may be
 *              up to 5 minutes ahead of the city's clock)
 * The body's length lets a server hand a client only the channels it subscribed to without decoding.
 * A reading every minute at 1,000 gauges costs about 3 bytes per gauge per minute.
 */
import { toArrayBuffer, type BinaryChunk } from './binary';
import { ChannelCodecError } from './channelCodec';
import { CHANNEL_IDS, type ChannelId } from './channels';

/** One channel's encoded entry body (see the layout above). */
export type ChannelTimes = Uint8Array;
export type ReadingTimesChunks = Partial<Record<ChannelId, ChannelTimes>>;

const CHANNEL_INDEX = new Map(CHANNEL_IDS.map((id, i) => [id, i]));

class ByteWriter {
  private bytes = new Uint8Array(64);
  private length = 0;

  /** An unsigned integer below 2^53, 7 bits a byte (arithmetic, not bitwise: ages of years pass 2^31). */
  varint(n: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }

  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class ByteReader {
  at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    readonly end = bytes.length,
  ) {}

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.end) throw new ChannelCodecError('reading times truncated');
      const b = this.bytes[this.at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new ChannelCodecError('reading times: varint too long');
    }
  }
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (n: number) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

/**
 * One channel's entry: `slots` in ascending order, `timeOf(slot)` its reading's event time (epoch ms),
 * as whole seconds before `frameTimeMs`.
 */
export function encodeChannelTimes(slots: ArrayLike<number>, timeOf: (slot: number) => number, frameTimeMs: number): ChannelTimes {
  const w = new ByteWriter();
  w.varint(slots.length);
  let previous = -1;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k];
    if (!(slot > previous)) throw new ChannelCodecError('reading times: slots must ascend');
    w.varint(slot - previous - 1);
    w.varint(zigzag(Math.round((frameTimeMs - timeOf(slot)) / 1000)));
    previous = slot;
  }
  return w.take();
}

/** The entries of some channels in one buffer; undefined when there is none (nothing to attach). */
export function packReadingTimes(entries: ReadingTimesChunks, only: ReadonlySet<ChannelId> | null = null): ArrayBuffer | undefined {
  const bodies: Uint8Array[] = [];
  for (const id of CHANNEL_IDS) {
    const body = entries[id];
    if (!body || (only && !only.has(id))) continue;
    const head = new ByteWriter();
    head.varint(CHANNEL_INDEX.get(id)!);
    head.varint(body.length);
    bodies.push(head.take(), body);
  }
  if (bodies.length === 0) return undefined;
  const out = new Uint8Array(bodies.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of bodies) {
    out.set(b, at);
    at += b.length;
  }
  return out.buffer;
}

/**
 * Writes each listed slot's event time (epoch ms) into its channel's array in `into` (one entry per
 * slot; a channel the caller holds no array for is skipped). Returns the channels written.
 */
export function applyReadingTimes(chunk: BinaryChunk, frameTimeMs: number, into: Partial<Record<ChannelId, Float64Array>>): ChannelId[] {
  const bytes = new Uint8Array(toArrayBuffer(chunk));
  const r = new ByteReader(bytes);
  const written: ChannelId[] = [];
  while (r.at < bytes.length) {
    const index = r.varint();
    const id = CHANNEL_IDS[index];
    if (!id) throw new ChannelCodecError(`reading times: unknown channel index ${index}`);
    const length = r.varint();
    const end = r.at + length;
    if (end > bytes.length) throw new ChannelCodecError(`reading times truncated in ${id}`);
    const times = into[id];
    if (!times) {
      r.at = end;
      continue;
    }
    const body = new ByteReader(bytes, end);
    body.at = r.at;
    const count = body.varint();
    let slot = -1;
    for (let k = 0; k < count; k++) {
      slot += body.varint() + 1;
      if (slot >= times.length) throw new ChannelCodecError(`reading times: slot ${slot} outside ${id} (${times.length} slots)`);
      times[slot] = frameTimeMs - unzigzag(body.varint()) * 1000;
    }
    r.at = end;
    written.push(id);
  }
  return written;
}
