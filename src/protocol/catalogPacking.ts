/**
 * The catalogue as `city:catalog` carries it: every binary column of every group (positions, lines,
 * byte districts, paths) in ONE buffer, each column replaced by its place in it. socket.io sends each
 * binary value as its own attachment and a stock client's decoder refuses a packet with more than
 * 10 (socket.io-parser's default `maxAttachments`); one attachment fits any client, whatever the
 * number of kinds, and costs one WebSocket message instead of one per column.
 *
 * Layout of `binary`: the columns back to back in group order (positions, lines, districts, paths'
 * starts, paths' coords), each starting at a multiple of 4 bytes so Float32 and Uint32 views need no
 * copy. `channels` names the live channels in the index order the binary frames use (channelFrame.ts,
 * readingTimesCodec.ts), so a client without this code can read frames from the catalogue alone.
 */
import type { WireAssetGroup, WireCatalog } from './assets';
import { toArrayBuffer, type BinaryChunk } from './binary';
import { CHANNEL_IDS, CHANNELS, channelStride, type ChannelId } from './channels';
import type { AssetKind } from './assetKinds';

/** Where a column sits in {@link PackedCatalog.binary}: byte offset (a multiple of 4) and byte length. */
export interface BinaryRef {
  offset: number;
  length: number;
}

/** A catalogue group with its binary columns as references into the one buffer. */
export interface PackedAssetGroup extends Omit<WireAssetGroup, 'positions' | 'lines' | 'districts' | 'paths'> {
  /** Float32 lon, lat per slot. */
  positions: BinaryRef;
  /** Float32 lon0, lat0, lon1, lat1 per slot (road segments). */
  lines?: BinaryRef;
  /** Numbers per slot, or a Uint8 column for kinds with many slots. */
  districts: number[] | BinaryRef;
  /** Uint32 starts (count + 1) and Float32 lon, lat vertices. */
  paths?: { starts: BinaryRef; coords: BinaryRef };
}

/** A live channel as frames name it: its index in this list is the index frames carry. */
export interface PackedChannel {
  id: ChannelId;
  kind: AssetKind;
  unit: string;
  /** Values per slot (2 for a position). */
  stride: number;
}

export interface PackedCatalog extends Omit<WireCatalog, 'groups'> {
  groups: PackedAssetGroup[];
  /** Every group's binary columns; an ArrayBuffer in browsers, a Buffer in Node clients. */
  binary: BinaryChunk;
  channels: PackedChannel[];
}

export class PackedCatalogError extends Error {}

const padTo4 = (n: number) => (n + 3) & ~3;
const isRef = (v: unknown): v is BinaryRef => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer);
const bytesOf = (chunk: BinaryChunk) => (chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk);

/** The channel table frames index into, in CHANNEL_IDS order. */
export const PACKED_CHANNELS: readonly PackedChannel[] = CHANNEL_IDS.map((id) => ({ id, kind: CHANNELS[id].kind, unit: CHANNELS[id].unit, stride: channelStride(id) }));

/** Packs a catalogue's binary columns into one buffer (the server does this once per catalogue). */
export function packCatalog(catalog: WireCatalog): PackedCatalog {
  const columns: Uint8Array[] = [];
  let size = 0;
  const place = (chunk: BinaryChunk): BinaryRef => {
    const bytes = bytesOf(chunk);
    const ref = { offset: size, length: bytes.byteLength };
    columns.push(bytes);
    size += padTo4(bytes.byteLength);
    return ref;
  };
  const groups = catalog.groups.map(({ positions, lines, districts, paths, ...rest }): PackedAssetGroup => ({
    ...rest,
    positions: place(positions),
    ...(lines ? { lines: place(lines) } : {}),
    districts: Array.isArray(districts) ? districts : place(districts),
    ...(paths ? { paths: { starts: place(paths.starts), coords: place(paths.coords) } } : {}),
  }));
  const binary = new Uint8Array(size);
  let at = 0;
  for (const bytes of columns) {
    binary.set(bytes, at);
    at += padTo4(bytes.byteLength);
  }
  return { ...catalog, groups, binary: binary.buffer, channels: [...PACKED_CHANNELS] };
}

/**
 * The catalogue with each column as a Uint8Array view into one aligned buffer: no copy in a browser
 * (the attachment arrives as its own ArrayBuffer); one copy of the whole buffer in Node, where it may
 * sit at any offset of a larger one. Throws when a column lies outside the buffer or is misaligned.
 */
export function unpackCatalog(packed: PackedCatalog): WireCatalog {
  const buffer = toArrayBuffer(packed.binary);
  const view = (ref: unknown, what: string): Uint8Array => {
    if (!isRef(ref) || !Number.isInteger(ref.offset) || !Number.isInteger(ref.length) || ref.offset < 0 || ref.length < 0 || ref.offset % 4 !== 0 || ref.offset + ref.length > buffer.byteLength) {
      throw new PackedCatalogError(`${what} lies outside the catalogue's binary (${buffer.byteLength} bytes)`);
    }
    return new Uint8Array(buffer, ref.offset, ref.length);
  };
  const groups = packed.groups.map(({ positions, lines, districts, paths, ...rest }): WireAssetGroup => ({
    ...rest,
    positions: view(positions, `${rest.kind}.positions`),
    ...(lines ? { lines: view(lines, `${rest.kind}.lines`) } : {}),
    districts: Array.isArray(districts) ? districts : view(districts, `${rest.kind}.districts`),
    ...(paths ? { paths: { starts: view(paths.starts, `${rest.kind}.paths.starts`), coords: view(paths.coords, `${rest.kind}.paths.coords`) } } : {}),
  }));
  return { version: packed.version, districts: packed.districts, indicators: packed.indicators, staleAfterMs: packed.staleAfterMs, groups };
}
