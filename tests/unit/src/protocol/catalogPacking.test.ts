import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import type { WireCatalog } from '@/protocol/assets';
import { toFloat32, toUint32 } from '@/protocol/binary';
import { PACKED_CHANNELS, packCatalog, PackedCatalogError, unpackCatalog, type PackedCatalog } from '@/protocol/catalogPacking';
import { toCatalogView } from '@/protocol/catalogView';
import { CHANNEL_IDS } from '@/protocol/channels';
import { miniCatalog } from '../../../support/miniCity';

const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
const u32 = (...v: number[]) => new Uint8Array(Uint32Array.from(v).buffer);

/** Every kind present, with lines, paths and byte districts of odd lengths (so padding shows). */
function richCatalog(): WireCatalog {
  const catalog = miniCatalog({ rainGauge: 3, waterGauge: 2, roadSegment: 2, muckTruck: 2, residentialCompound: 3 });
  const road = catalog.groups.find((g) => g.kind === 'roadSegment')!;
  road.lines = f32(121.1, 31.1, 121.2, 31.2, 121.3, 31.3, 121.4, 31.4);
  const trucks = catalog.groups.find((g) => g.kind === 'muckTruck')!;
  trucks.paths = { starts: u32(0, 2, 3), coords: f32(1, 2, 3, 4, 5, 6) };
  const compounds = catalog.groups.find((g) => g.kind === 'residentialCompound')!;
  compounds.districts = Uint8Array.from([0, 0, 0]);
  return catalog;
}

/** What a stock socket.io client's decoder (default options) makes of an emitted event. */
function throughStockParser(event: string, payload: unknown): { attachments: number; payload: unknown } {
  const encoded = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] } as Packet);
  const decoder = new Decoder();
  let decoded: Packet | undefined;
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  // As a Node client receives them: each attachment a Buffer inside a larger one, at an odd offset.
  for (const part of encoded) decoder.add(typeof part === 'string' ? part : Buffer.concat([Buffer.from([0]), Buffer.from(part as ArrayBuffer)]).subarray(1));
  return { attachments: encoded.length - 1, payload: (decoded!.data as unknown[])[1] };
}

describe('packCatalog', () => {
  it('carries every binary column in one attachment that a stock socket.io decoder takes', () => {
    const wire = richCatalog();
    const binaryColumns = wire.groups.reduce((n, g) => n + 1 + (g.lines ? 1 : 0) + (Array.isArray(g.districts) ? 0 : 1) + (g.paths ? 2 : 0), 0);
    expect(binaryColumns).toBeGreaterThan(10);
    expect(() => throughStockParser('city:catalog', wire)).toThrow('too many attachments');

    const sent = throughStockParser('city:catalog', packCatalog(wire));
    expect(sent.attachments).toBe(1);
    const view = toCatalogView(unpackCatalog(sent.payload as PackedCatalog));
    const expected = toCatalogView(wire);
    for (const kind of Object.keys(expected.groups) as (keyof typeof expected.groups)[]) {
      const [got, want] = [view.groups[kind], expected.groups[kind]];
      expect([...got.positions], kind).toEqual([...want.positions]);
      expect(Array.from(got.districts), kind).toEqual(Array.from(want.districts));
      expect(got.lines && [...got.lines], kind).toEqual(want.lines && [...want.lines]);
      expect(got.paths && [...got.paths.coords], kind).toEqual(want.paths && [...want.paths.coords]);
      expect(got.paths && [...got.paths.starts], kind).toEqual(want.paths && [...want.paths.starts]);
      expect(got.ids).toEqual(want.ids);
    }
    expect(view.version).toBe(wire.version);
    expect(view.staleAfterMs).toEqual(wire.staleAfterMs);
  });

  it('starts every column at a multiple of 4 bytes and names the channels in frame index order', () => {
    const packed = packCatalog(richCatalog());
    const refs = packed.groups.flatMap((g) => [g.positions, g.lines, Array.isArray(g.districts) ? undefined : g.districts, g.paths?.starts, g.paths?.coords]).filter((r) => r !== undefined);
    for (const ref of refs) expect(ref.offset % 4).toBe(0);
    expect(packed.channels.map((c) => c.id)).toEqual(CHANNEL_IDS);
    expect(packed.channels.find((c) => c.id === 'team.pos')).toEqual({ id: 'team.pos', kind: 'team', unit: '°', stride: 2 });
    expect(PACKED_CHANNELS).toHaveLength(CHANNEL_IDS.length);
  });

  it('reads the columns in place when the buffer arrives on its own (a browser), without copies', () => {
    const packed = packCatalog(richCatalog());
    const unpacked = unpackCatalog(packed);
    const road = unpacked.groups.find((g) => g.kind === 'roadSegment')!;
    const trucks = unpacked.groups.find((g) => g.kind === 'muckTruck')!;
    expect(toFloat32(road.lines!).buffer).toBe(packed.binary);
    expect(toUint32(trucks.paths!.starts).buffer).toBe(packed.binary);
    expect([...toUint32(trucks.paths!.starts)]).toEqual([0, 2, 3]);
  });

  it('refuses a column that lies outside the buffer or off its alignment', () => {
    const packed = packCatalog(richCatalog());
    const broken = (patch: { offset: number; length: number }): PackedCatalog => ({ ...packed, groups: packed.groups.map((g, i) => (i === 0 ? { ...g, positions: patch } : g)) });
    expect(() => unpackCatalog(broken({ offset: 0, length: packed.binary.byteLength + 4 }))).toThrow(PackedCatalogError);
    expect(() => unpackCatalog(broken({ offset: 2, length: 8 }))).toThrow(/rainGauge\.positions/);
    expect(() => unpackCatalog(broken({ offset: -4, length: 8 }))).toThrow(PackedCatalogError);
  });
});
