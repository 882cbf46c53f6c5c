/**
 * The assets that make up an indicator (its DrillSpec), resolved against the live state: a kind and
 * the slots to light on the map, plus free points (incident sites) that are not asset slots.
 */
import type { AssetKind } from '@/protocol/assets';
import type { ChannelArray, ChannelId } from '@/protocol/channels';
import { OPEN_STATUSES, type Alarm, type Incident } from '@/protocol/cityEvents';
import type { DrillSpec } from '@/protocol/vitals';

export interface DrillResult {
  /** Asset slots per kind. */
  slots: Partial<Record<AssetKind, number[]>>;
  /** lon, lat of things that are not assets (incidents from city life). */
  points: [number, number][];
}

export interface DrillState {
  channels: Partial<Record<ChannelId, ChannelArray>>;
  counts: Record<AssetKind, number>;
  alarms: Iterable<Alarm>;
  incidents: Iterable<Incident>;
}

function test(op: Extract<DrillSpec, { type: 'channel' }>['op'], v: number, value: number): boolean {
  switch (op) {
    case 'gte':
      return v >= value;
    case 'lte':
      return v <= value;
    case 'eq':
      return v === value;
    case 'nan':
      return Number.isNaN(v);
  }
}

export function drillSlots(spec: DrillSpec, state: DrillState): DrillResult {
  const result: DrillResult = { slots: {}, points: [] };
  const add = (kind: AssetKind, slot: number) => (result.slots[kind] ??= []).push(slot);
  switch (spec.type) {
    case 'all':
      for (let i = 0; i < state.counts[spec.kind]; i++) add(spec.kind, i);
      break;
    case 'channel': {
      const values = state.channels[spec.channel];
      if (values) for (let i = 0; i < values.length; i++) if (test(spec.op, values[i], spec.value)) add(spec.kind, i);
      break;
    }
    case 'alarms':
      for (const a of state.alarms) {
        if (spec.ruleId && a.ruleId !== spec.ruleId) continue;
        // A frozen sensor's alarm carries its rule's id: a drill by rule lights what the rule's readings raised.
        if (spec.trigger ? a.trigger !== spec.trigger : a.trigger === 'frozen') continue;
        add(a.assetKind, a.slot);
      }
      break;
    case 'incidents':
      for (const i of state.incidents) {
        // Only incidents still being handled, as the indicators count them.
        if (!spec.categories.includes(i.category) || !OPEN_STATUSES.includes(i.status)) continue;
        if (i.assetKind !== null && i.assetSlot !== null) add(i.assetKind, i.assetSlot);
        else result.points.push([i.lon, i.lat]);
      }
      break;
  }
  return result;
}

/** Versions of the live state, per channel and per event collection (when each last changed). */
export interface DrillVersions {
  channels: Readonly<Partial<Record<ChannelId, number>>>;
  alarms: number;
  incidents: number;
}

/**
 * What a drill's result depends on, as a key: it need be resolved again only when this changes —
 * not on every update of the city. Teams move, so their positions count whatever the spec.
 */
export function drillInputsKey(spec: DrillSpec, v: DrillVersions): string {
  const teams = v.channels['team.pos'] ?? 0;
  switch (spec.type) {
    case 'all':
      return `all|${teams}`;
    case 'channel':
      return `${spec.channel}:${v.channels[spec.channel] ?? 0}|${teams}`;
    case 'alarms':
      return `alarms:${v.alarms}|${teams}`;
    case 'incidents':
      return `incidents:${v.incidents}|${teams}`;
  }
}
