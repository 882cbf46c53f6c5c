/**
 * The asset registry in SQLite: one row per asset, keyed by (kind, id) with its slot unique within the
 * kind, and one row of registry state. Every change rewrites the registry in one transaction, so an
 * import lands whole or not at all and slots are always 0..n-1 per kind.
 */
import { ASSET_KINDS, type AssetKind } from '../../src/protocol/assets';
import type { AssetRecord, RegistryState } from '../assets/assetRecord';
import type { Database } from './database';
import type { AssetStore } from './stores';

interface AssetRow {
  kind: string;
  id: string;
  name: string | null;
  name_en: string | null;
  district: string;
  lon: number;
  lat: number;
  line: string | null;
  area: string | null;
  thresholds: string;
  attributes: string;
  simulator: string | null;
}

const json = (text: string | null) => (text === null ? null : JSON.parse(text));
/** Most assets have no thresholds or attributes of their own: skip parsing those. */
const object = (text: string) => (text === '{}' ? {} : JSON.parse(text));

export class SqliteAssetStore implements AssetStore {
  private readonly selectAll;
  private readonly selectState;
  private readonly write;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], AssetRow>('SELECT kind, id, name, name_en, district, lon, lat, line, area, thresholds, attributes, simulator FROM assets ORDER BY kind, slot');
    this.selectState = db.prepare<[], { state: string }>('SELECT state FROM asset_registry WHERE singleton = 1');
    const clear = db.prepare('DELETE FROM assets');
    const insert = db.prepare(
      'INSERT INTO assets (kind, slot, id, name, name_en, district, lon, lat, line, area, thresholds, attributes, simulator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const putState = db.prepare('INSERT INTO asset_registry (singleton, state) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET state = excluded.state');
    this.write = db.transaction((records: readonly AssetRecord[], state: RegistryState) => {
      clear.run();
      const slots = new Map<AssetKind, number>();
      for (const r of records) {
        const slot = slots.get(r.kind) ?? 0;
        slots.set(r.kind, slot + 1);
        insert.run(
          r.kind,
          slot,
          r.id,
          r.name,
          r.nameEn,
          r.district,
          r.lon,
          r.lat,
          r.line && JSON.stringify(r.line),
          r.area ? JSON.stringify(r.area) : null,
          JSON.stringify(r.thresholds),
          JSON.stringify(r.attributes),
          r.simulator && JSON.stringify(r.simulator),
        );
      }
      putState.run(JSON.stringify(state));
    });
  }

  async list(): Promise<AssetRecord[]> {
    const byKind = new Map<string, AssetRecord[]>();
    for (const row of this.selectAll.iterate()) {
      const record: AssetRecord = {
        kind: row.kind as AssetKind,
        id: row.id,
        name: row.name,
        nameEn: row.name_en,
        district: row.district,
        lon: row.lon,
        lat: row.lat,
        line: json(row.line),
        // Only area kinds carry the member, so other records read back as they were written.
        ...(row.area === null ? {} : { area: JSON.parse(row.area) }),
        thresholds: object(row.thresholds),
        attributes: object(row.attributes),
        simulator: json(row.simulator),
      };
      let list = byKind.get(row.kind);
      if (!list) byKind.set(row.kind, (list = []));
      list.push(record);
    }
    // SQL sorts kinds by name; the registry's order is the protocol's.
    return ASSET_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
  }

  async state(): Promise<RegistryState | null> {
    const row = this.selectState.get();
    return row ? (JSON.parse(row.state) as RegistryState) : null;
  }

  async replace(records: readonly AssetRecord[], state: RegistryState): Promise<void> {
    this.write(records, state);
  }
}
