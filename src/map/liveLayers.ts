/**
 * The live deck.gl layers, drawn from the stores' typed arrays and event maps: a loop over the specs
 * of layers/layerOrder.ts. Neighbouring point specs of one type share a slot (one deck.gl layer);
 * every other spec has its own. Each slot returns a key over its inputs, and a slot whose key has not
 * changed hands back the same layer instance, which deck.gl skips: an animation frame of the incident
 * pulse rebuilds the incidents and nothing else, and a hidden layer costs nothing per update.
 */
import type { Layer } from '@deck.gl/core';
import type { CatalogView } from '@/protocol/catalogView';
import { timed } from '@/shared/benchTiming';
import { createClusterState } from './clusterState';
import { DRAINAGE_KINDS, type DrainageKind } from './drainageClusters';
import type { IconAtlas } from './icons/iconAtlas';
import { createIncidentCache } from './incidentCache';
import { LIVE_LAYERS } from './layers/layerOrder';
import type { LayerEnv, LayerSpec, LiveFrame, LiveLayerId, PickTarget, PointSpec } from './layers/layerSpec';
import { ownSlot, switchedOn, type LiveSlot } from './layers/liveSlot';
import { pointSlot } from './layers/pointSlot';
import { inlineRainField, type RainFieldSource } from './rainFieldSource';

export interface LiveLayerSet {
  readonly catalogVersion: string;
  build(frame: LiveFrame): Layer[];
  /** Ids of the layers the last build drew: switched on and with something to draw, in draw order. */
  readonly drawn: LiveLayerId[];
  /** Whether P1/P2 incidents are on the map (the pulse needs animating). */
  readonly hasUrgentIncidents: boolean;
  /** Milliseconds the last rebuild of each deck.gl layer took (for the bench). */
  readonly timings: Partial<Record<string, number>>;
  /** `sourceLayerId`: the sublayer picked inside a composite layer, when it matters. */
  pickTarget(layerId: string, index: number, sourceLayerId?: string): PickTarget | null;
  /** The zoom at which a cluster falls apart. */
  expansionZoom(clusterId: number): number;
  /** Stops background work (the rain field worker) when the set is replaced or the map goes. */
  dispose(): void;
}

export interface LiveLayerOptions {
  /** Where the rain field is painted; the inline source (on this thread, at once) by default. */
  rainField?: (gaugePositions: Float32Array) => RainFieldSource;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** The specs in draw order, neighbouring point specs of one type together. */
function slotsOf(specs: readonly LayerSpec[]): (LayerSpec | PointSpec[])[] {
  const out: (LayerSpec | PointSpec[])[] = [];
  for (const spec of specs) {
    const last = out.at(-1);
    if (spec.type === 'own') out.push(spec);
    else if (Array.isArray(last) && last[0].type === spec.type) last.push(spec);
    else out.push([spec]);
  }
  return out;
}

/** The drainage kinds clustered at low zoom, and the switch of each. */
const CLUSTERED = LIVE_LAYERS.filter((s): s is PointSpec => s.type !== 'own' && s.clustered === true);

export function createLiveLayerSet(catalog: CatalogView, atlas: IconAtlas, options: LiveLayerOptions = {}): LiveLayerSet {
  const env: LayerEnv = { catalog, atlas, clusters: createClusterState(catalog), incidents: createIncidentCache(), rainField: options.rainField ?? inlineRainField };
  const slots: LiveSlot[] = slotsOf(LIVE_LAYERS).map((s) => (Array.isArray(s) ? pointSlot(s, env) : ownSlot(s as Extract<LayerSpec, { type: 'own' }>, env)));
  const bySlotId = new Map(slots.map((slot) => [slot.layerId, slot]));
  const built = new Map<string, { key: string; layer: Layer }>();
  const timings: Partial<Record<string, number>> = {};
  const drawn: LiveLayerId[] = [];

  return {
    catalogVersion: catalog.version,
    drawn,
    timings,
    get hasUrgentIncidents() {
      return env.incidents.arrays.urgent.length > 0;
    },
    build(f) {
      const kinds = new Set<DrainageKind>(CLUSTERED.filter((s) => switchedOn(f, s.id)).map((s) => s.kind as DrainageKind).filter((k) => DRAINAGE_KINDS.includes(k)));
      env.clusters.update({ zoom: f.zoom, uiScale: f.uiScale, kinds, alarms: f.events.alarms, alarmsVersion: f.events.changed.alarms });
      env.incidents.update(f.events.incidents, f.events.changed.incidents);
      drawn.length = 0;
      return slots.map((slot) => {
        const key = slot.update(f);
        let last = built.get(slot.layerId);
        if (!last || last.key !== key) {
          const t0 = now();
          last = { key, layer: timed(`layer:${slot.layerId}`, () => slot.build(f)) };
          timings[slot.layerId] = now() - t0;
          built.set(slot.layerId, last);
        }
        drawn.push(...slot.drawn());
        return last.layer;
      });
    },
    pickTarget: (layerId, index, sourceLayerId) => bySlotId.get(layerId)?.pick(index, sourceLayerId) ?? null,
    expansionZoom: (clusterId) => env.clusters.expansionZoom(clusterId),
    dispose: () => slots.forEach((slot) => slot.dispose?.()),
  };
}
