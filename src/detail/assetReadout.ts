/**
 * What the detail card shows for an asset, from the catalogue and the live channels (pure, no Vue):
 * which channels each kind reads, its current values, its state and its thresholds.
 */
import { ASSET_KINDS, ELEVATOR_STATES, MUCK_TRUCK_STATES, PUMP_STATES, TEAM_STATES, type AssetKind } from '@/protocol/assets';
import { assetIdAt, assetNameAt, type CatalogView } from '@/protocol/catalogView';
import { KIND_SPECS, type KindDetail } from '@/protocol/kindSpecs';
import { CHANNELS, channelStride, type ChannelArray, type ChannelId } from '@/protocol/channels';
import type { NamedThreshold } from '@/domain/thresholdEta';
import { waterLevelStateOf } from '@/domain/waterLevel';
import { SENSOR_CHANNELS } from '@/shared/readingAge';

/** What the detail card shows of each kind, as declared in its kind spec. */
export const KIND_VIEWS: Record<AssetKind, KindDetail> = Object.fromEntries(ASSET_KINDS.map((kind) => [kind, KIND_SPECS[kind].detail])) as Record<AssetKind, KindDetail>;

/** Decimals shown per channel, matching each sensor's resolution. */
export const CHANNEL_DIGITS: Partial<Record<ChannelId, number>> = {
  rain: 1,
  water: 2,
  'weather.temp': 1,
  'weather.wind': 1,
  'underpass.depth': 0,
  'waterlog.depth': 0,
  'pump.level': 2,
  'pump.flow': 1,
  'road.speed': 0,
  'road.index': 1,
};

/** Channels whose value is a code, shown as a state word rather than a number. */
const STATE_CODES: Partial<Record<ChannelId, readonly string[]>> = {
  'pump.state': PUMP_STATES,
  'team.state': TEAM_STATES,
  'road.closed': ['open', 'closed'],
  'elevator.state': ELEVATOR_STATES,
  'truck.state': MUCK_TRUCK_STATES,
};

/** Message keys cannot hold dots: `weather.temp` → `weather_temp`. */
export const channelKey = (id: ChannelId): string => id.replace('.', '_');

export interface AssetFacts {
  kind: AssetKind;
  slot: number;
  id: string;
  name: string;
  nameEn: string;
  district: { name: string; nameEn: string } | null;
  /** Every threshold of the asset, lowest first. */
  thresholds: NamedThreshold[];
}

/** The selected asset's static facts, or null when the catalogue lacks it (not loaded, or another version). */
export function describeAsset(catalog: CatalogView | null, selection: { kind: AssetKind; slot: number } | null): AssetFacts | null {
  if (!catalog || !selection) return null;
  const g = catalog.groups[selection.kind];
  const { slot } = selection;
  if (!g || !Number.isInteger(slot) || slot < 0 || slot >= g.count) return null;
  const thresholds = Object.entries(g.thresholds)
    .map(([name, values]) => ({ name, value: values[slot] }))
    .filter((t) => Number.isFinite(t.value))
    .sort((a, b) => a.value - b.value);
  return {
    kind: selection.kind,
    slot,
    id: assetIdAt(g, slot),
    name: assetNameAt(g, slot, false),
    nameEn: assetNameAt(g, slot, true),
    district: catalog.districts[g.districts[slot]] ?? null,
    thresholds,
  };
}

export type Reading =
  | { channel: ChannelId; type: 'number'; value: number; digits: number; unit: string }
  | { channel: ChannelId; type: 'state'; state: string | null };

/** One slot's current value per channel of its kind; NaN (number) or an unknown code (state) means no data. */
export function readingsOf(kind: AssetKind, channels: Record<ChannelId, ChannelArray>, slot: number): Reading[] {
  return KIND_VIEWS[kind].channels.map((channel): Reading => {
    const v = channels[channel][slot * channelStride(channel)];
    const codes = STATE_CODES[channel];
    if (codes) return { channel, type: 'state', state: codes[v] ?? null };
    return { channel, type: 'number', value: v, digits: CHANNEL_DIGITS[channel] ?? 1, unit: CHANNELS[channel].unit };
  });
}

/** Whether a reading says anything: a number, or a state other than `offline` (a silent station or car). */
const hasReading = (r: Reading) => (r.type === 'number' ? Number.isFinite(r.value) : r.state !== null && r.state !== 'offline');

/** Whether the kind has sensors of its own (a team's state and position are the desk's, not a reading). */
export const hasSensors = (kind: AssetKind): boolean => KIND_VIEWS[kind].channels.some((id) => SENSOR_CHANNELS.has(id));

/**
 * When the slot's newest sensor reading was measured (source time, epoch ms; NaN: at its frame's time,
 * as the simulator measures), or null when none of its sensors has a reading (silent, offline, or
 * never heard from outside). `times`: per channel, the live store's reading times.
 */
export function assetReadingTime(readings: readonly Reading[], times: Readonly<Record<ChannelId, Float64Array>>, slot: number): number | null {
  let newest: number | null = null;
  for (const r of readings) {
    if (!SENSOR_CHANNELS.has(r.channel) || !hasReading(r)) continue;
    const t = times[r.channel][slot];
    if (Number.isNaN(t)) return NaN;
    if (newest === null || t > newest) newest = t;
  }
  return newest;
}

export type Tone = 'ok' | 'warn' | 'alarm' | 'dim';

/** How serious crossing each named threshold is; a pump's start and stop levels are operating points. */
export function thresholdTone(name: string): 'warn' | 'alarm' | 'info' {
  if (name === 'danger' || name === 'closed' || name === 'major') return 'alarm';
  return name === 'warning' ? 'warn' : 'info';
}

/** The headline state: a message key under `detail.states.` (with the threshold's name for `over`) and a tone. */
export interface AssetState {
  key: string;
  threshold?: string;
  tone: Tone;
}

const PUMP_TONES: Record<string, Tone> = { running: 'ok', standby: 'ok', fault: 'alarm', offline: 'dim' };
const TEAM_TONES: Record<string, Tone> = { available: 'ok', enRoute: 'warn', onSite: 'warn' };
const TRUCK_TONES: Record<string, Tone> = { idle: 'ok', loading: 'ok', hauling: 'ok', unloading: 'warn', returning: 'ok', offline: 'dim' };
const ELEVATOR_TONES: Record<string, Tone> = { idle: 'ok', running: 'ok', maintenance: 'warn', fault: 'alarm', trapped: 'alarm', offline: 'dim' };

/** Congestion index bands (0–10), after the usual traffic performance index grades. */
const roadState = (index: number): AssetState =>
  index >= 8 ? { key: 'congested', tone: 'alarm' } : index >= 6 ? { key: 'slow', tone: 'warn' } : { key: 'flowing', tone: 'ok' };

export function assetStateOf(facts: AssetFacts, readings: readonly Reading[]): AssetState {
  const byChannel = new Map(readings.map((r) => [r.channel, r]));
  const stateOf = (ch: ChannelId) => {
    const r = byChannel.get(ch);
    return r?.type === 'state' ? r.state : null;
  };
  const numberOf = (ch: ChannelId | null) => {
    const r = ch ? byChannel.get(ch) : undefined;
    return r?.type === 'number' ? r.value : NaN;
  };
  const noData: AssetState = { key: 'noData', tone: 'dim' };
  switch (facts.kind) {
    case 'pumpStation': {
      const s = stateOf('pump.state');
      return s ? { key: s, tone: PUMP_TONES[s] ?? 'dim' } : noData;
    }
    case 'team': {
      const s = stateOf('team.state');
      return s ? { key: s, tone: TEAM_TONES[s] ?? 'dim' } : noData;
    }
    case 'muckTruck': {
      const s = stateOf('truck.state');
      return s ? { key: s, tone: TRUCK_TONES[s] ?? 'dim' } : noData;
    }
    case 'elevator': {
      const s = stateOf('elevator.state');
      return s ? { key: s, tone: ELEVATOR_TONES[s] ?? 'dim' } : noData;
    }
    case 'roadSegment': {
      if (stateOf('road.closed') === 'closed') return { key: 'closed', tone: 'alarm' };
      const index = numberOf('road.index');
      return Number.isFinite(index) ? roadState(index) : noData;
    }
    case 'waterGauge': {
      const at = (name: string) => facts.thresholds.find((t) => t.name === name)?.value ?? NaN;
      const s = waterLevelStateOf(numberOf('water'), at('warning'), at('danger'));
      if (s === 'unknown') return noData;
      if (s === 'warning' || s === 'danger') return { key: 'over', threshold: s, tone: s === 'danger' ? 'alarm' : 'warn' };
      return { key: s, tone: s === 'nearWarning' ? 'warn' : 'ok' };
    }
    default: {
      const value = numberOf(KIND_VIEWS[facts.kind].trend);
      if (!Number.isFinite(value)) return noData;
      const rising = KIND_VIEWS[facts.kind].rising;
      const crossed = facts.thresholds.filter((t) => rising.includes(t.name) && value >= t.value);
      if (crossed.length === 0) return { key: 'normal', tone: 'ok' };
      const top = crossed[crossed.length - 1];
      return { key: 'over', threshold: top.name, tone: thresholdTone(top.name) === 'alarm' ? 'alarm' : 'warn' };
    }
  }
}
