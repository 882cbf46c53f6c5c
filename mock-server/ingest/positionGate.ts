/**
 * Positions from outside (`positions/<kind>/<assetId>` over MQTT): where a moving asset was at a
 * time. Only kinds with a position channel are taken, and only where the city's desk lets them move
 * by report — with the simulator off, the teams' and muck trucks' terminals report where they are; while
 * the simulator runs, it moves them itself and a reported position is refused with that reason.
 * The newest position per asset wins (by event time); positions are not kept on disk, since each one
 * replaces the last and a repeat changes nothing.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import { isAssetKind, type AssetLookup } from './assetLookup';
import type { IngestVerdict, ParsedPosition, PositionSink, RejectedReading } from './incomingReading';
import { FUTURE_LIMIT_MS, LATE_AFTER_MS } from './ingestGate';

/** The kinds that report positions, and the channel their positions go to. */
export const POSITION_CHANNELS: Partial<Record<AssetKind, ChannelId>> = { team: 'team.pos', muckTruck: 'truck.pos' };

/** A position the gate took, resolved to its channel and slot, waiting for the next tick. */
export interface AcceptedPosition {
  channel: ChannelId;
  slot: number;
  tMs: number;
  lon: number;
  lat: number;
  /** It arrived more than LATE_AFTER_MS after it was measured (a terminal's buffered upload): what it changes is marked so. */
  late: boolean;
}

export interface PositionGateDeps {
  lookup: AssetLookup;
  /** Whether positions of this kind are taken from outside here, or why not. */
  takes(kind: AssetKind): true | string;
  /** The later of the city's clock and the wall clock. */
  now: () => number;
  /** Reported positions are GPS (WGS-84); this takes them to the basemap's datum (assets/datum.ts). */
  toBasemap: (lon: number, lat: number) => [number, number];
  deliver: (positions: AcceptedPosition[]) => void;
}

export class PositionGate implements PositionSink {
  constructor(private readonly deps: PositionGateDeps) {}

  /** Who sent them is not counted here: the MQTT side counts entries per integration already. */
  async accept(batch: readonly ParsedPosition[]): Promise<IngestVerdict> {
    const now = this.deps.now();
    const rejected: RejectedReading[] = [];
    const kept: AcceptedPosition[] = [];
    batch.forEach((entry, index) => {
      const checked = this.check(entry, now);
      if (typeof checked === 'string') rejected.push({ index, reason: checked });
      else kept.push(checked);
    });
    if (kept.length > 0) this.deps.deliver(kept);
    return { accepted: kept.length, duplicates: 0, rejected };
  }

  private check(entry: ParsedPosition, now: number): AcceptedPosition | string {
    if ('error' in entry) return entry.error;
    const { kind, assetId, tMs, lon, lat } = entry;
    if (!isAssetKind(kind)) return `unknown asset kind "${kind}"`;
    const channel = POSITION_CHANNELS[kind];
    if (!channel) return `${kind} does not report positions`;
    const takes = this.deps.takes(kind);
    if (takes !== true) return takes;
    const slot = this.deps.lookup(kind, assetId);
    if (slot === undefined) return `no ${kind} with id "${assetId}" in the registry`;
    if (!Number.isFinite(tMs)) return 'the time is not a valid time';
    if (tMs > now + FUTURE_LIMIT_MS) return `measured ${Math.round((tMs - now) / 60_000)} min in the future: positions more than 5 minutes ahead are refused`;
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return 'lon and lat must be numbers within ±180 and ±90';
    const [x, y] = this.deps.toBasemap(lon, lat);
    return { channel, slot, tMs, lon: x, lat: y, late: tMs < now - LATE_AFTER_MS };
  }
}
