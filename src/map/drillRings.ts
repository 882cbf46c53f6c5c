/**
 * The drill-down rings for the indicator an operator (or the director) picked: resolved again only
 * when the indicator or the state it reads changes (drillInputsKey), and handed to deck.gl as a new
 * layer only when the rings actually move — a congested-roads drill does not rebuild every second
 * because the traffic ticked somewhere else.
 */
import type { Layer } from '@deck.gl/core';
import { drillInputsKey, drillSlots } from '@/domain/drillSlots';
import type { AssetKind } from '@/protocol/assets';
import type { CatalogView } from '@/protocol/catalogView';
import type { Alarm, Incident } from '@/protocol/cityEvents';
import type { ChannelId } from '@/protocol/channels';
import type { LiveChannels } from '@/stores/useLiveStore';
import { drillPositions } from './drillPositions';
import { buildDrillLayer } from './layers/buildDrillLayer';

export interface DrillState {
  /** The drilled indicator's id; null for none. */
  drilled: string | null;
  catalog: CatalogView;
  channels: LiveChannels;
  /** When each channel last changed. */
  changedAt: Readonly<Record<ChannelId, number>>;
  alarms: Iterable<Alarm>;
  incidents: Iterable<Incident>;
  /** When the alarms and incidents last changed. */
  eventsChangedAt: Readonly<{ alarms: number; incidents: number }>;
  uiScale: number;
}

export interface DrillRings {
  /** The rings layer for this state; the same instance while the rings stay where they were. */
  layer(state: DrillState): Layer | null;
  /** How many rings the last layer draws. */
  readonly count: number;
}

const sameValues = (a: Float32Array | null, b: Float32Array) => a !== null && a.length === b.length && a.every((v, i) => v === b[i]);

export function createDrillRings(): DrillRings {
  let key = '';
  let scope = '';
  let layer: Layer | null = null;
  let positions: Float32Array | null = null;
  return {
    get count() {
      return layer && positions ? positions.length / 2 : 0;
    },
    layer(s) {
      const spec = s.drilled ? s.catalog.indicators.find((i) => i.id === s.drilled) : undefined;
      // Which rings (indicator, city, size), and the state they are resolved from.
      const nextScope = spec ? `${spec.id}|${s.catalog.version}|${s.uiScale}` : '';
      const inputs = spec?.drill ? drillInputsKey(spec.drill, { channels: s.changedAt, alarms: s.eventsChangedAt.alarms, incidents: s.eventsChangedAt.incidents }) : '';
      const nextKey = `${nextScope}|${inputs}`;
      if (nextKey === key) return layer;
      key = nextKey;
      if (!spec?.drill) {
        [scope, layer, positions] = [nextScope, null, null];
        return null;
      }
      const counts = Object.fromEntries(Object.entries(s.catalog.groups).map(([kind, g]) => [kind, g.count])) as Record<AssetKind, number>;
      const result = drillSlots(spec.drill, { channels: s.channels, counts, alarms: s.alarms, incidents: s.incidents });
      const next = drillPositions(s.catalog, result, s.channels['team.pos']);
      const moved = !(layer !== null && scope === nextScope && sameValues(positions, next));
      if (moved) layer = buildDrillLayer({ positions: next, radiusPx: Math.max(9, 30 * s.uiScale) });
      [scope, positions] = [nextScope, next];
      return layer;
    },
  };
}
