/**
 * All channels of one frame in one binary buffer, so a frame is a single socket.io attachment (each
 * attachment is its own WebSocket message, and socket.io caps attachments per packet).
 *
 * Layout, little-endian, 4-byte aligned: u32 entryCount, then per entry
 *   u16 channel index (in CHANNEL_IDS order) | u16 reserved | u32 byteLength | bytes (padded to 4)
 * where the bytes are one channelCodec frame.
 */
import { toArrayBuffer, type BinaryChunk } from './binary';
import { ChannelCodecError } from './channelCodec';
import { CHANNEL_IDS, type ChannelId } from './channels';

const padTo4 = (n: number) => (n + 3) & ~3;

export type ChannelChunks = Partial<Record<ChannelId, ArrayBuffer>>;

export function packChannels(chunks: ChannelChunks): ArrayBuffer {
  const entries = CHANNEL_IDS.flatMap((id, index) => (chunks[id] ? [[index, chunks[id]] as const] : []));
  const size = 4 + entries.reduce((sum, [, buf]) => sum + 8 + padTo4(buf.byteLength), 0);
  const out = new ArrayBuffer(size);
  const view = new DataView(out);
  const bytes = new Uint8Array(out);
  view.setUint32(0, entries.length, true);
  let at = 4;
  for (const [index, buf] of entries) {
    view.setUint16(at, index, true);
    view.setUint32(at + 4, buf.byteLength, true);
    bytes.set(new Uint8Array(buf), at + 8);
    at += 8 + padTo4(buf.byteLength);
  }
  return out;
}

/** The channel frames inside a packed buffer, as aligned views (no copies). */
export function unpackChannels(chunk: BinaryChunk): Partial<Record<ChannelId, Uint8Array>> {
  const buffer = toArrayBuffer(chunk);
  const view = new DataView(buffer);
  if (buffer.byteLength < 4) throw new ChannelCodecError('packed frame shorter than its header');
  const count = view.getUint32(0, true);
  const out: Partial<Record<ChannelId, Uint8Array>> = {};
  let at = 4;
  for (let k = 0; k < count; k++) {
    if (at + 8 > buffer.byteLength) throw new ChannelCodecError('packed frame truncated');
    const id = CHANNEL_IDS[view.getUint16(at, true)];
    const length = view.getUint32(at + 4, true);
    if (!id) throw new ChannelCodecError(`unknown channel index ${view.getUint16(at, true)}`);
    if (at + 8 + length > buffer.byteLength) throw new ChannelCodecError(`packed frame truncated in ${id}`);
    out[id] = new Uint8Array(buffer, at + 8, length);
    at += 8 + padTo4(length);
  }
  return out;
}
