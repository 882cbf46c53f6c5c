/**
 * One deck.gl layer of the live set and the specs it draws: a spec with its own layer, or a run of
 * point specs sharing one (pointSlot.ts). The loop in ../liveLayers.ts keys, builds and caches slots;
 * a slot brings its buffers up to date and says what it draws.
 */
import type { Layer } from '@deck.gl/core';
import type { ChannelId } from '@/protocol/channels';
import type { LayerEnv, LiveFrame, LiveLayerId, OwnLayerSpec, PickTarget } from './layerSpec';

export interface LiveSlot {
  /** The deck.gl layer's id. */
  readonly layerId: string;
  /** Brings the slot's buffers up to date with the frame; returns a key over everything `build` reads (same key, same layer). */
  update(f: LiveFrame): string;
  build(f: LiveFrame): Layer;
  /** Ids of its specs drawn in the last update: on, with something to draw. */
  drawn(): LiveLayerId[];
  pick(index: number, sublayerId?: string): PickTarget | null;
  /** Stops background work (the rain field's worker). */
  dispose?(): void;
}

/** When the channels last changed, as a key. */
export const channelVersions = (f: LiveFrame, channels: readonly ChannelId[]) => channels.map((id) => f.changed[id]).join('.');

/** Whether a layer's switch is on (a live layer without a switch of its own is never on by it). */
export const switchedOn = (f: LiveFrame, id: LiveLayerId) => (f.visible as Readonly<Record<string, boolean>>)[id] === true;

/** The slot of a spec that draws its own layer. */
export function ownSlot(spec: OwnLayerSpec<unknown>, env: LayerEnv): LiveSlot {
  const state = spec.prepare(env);
  let painted: string | null = null;
  let on = false;
  return {
    layerId: spec.id,
    update(f) {
      on = spec.shown ? spec.shown(state, f) : switchedOn(f, spec.id);
      if (on && spec.paint) {
        const inputs = `${channelVersions(f, spec.channels)}|${spec.paintKey?.(f) ?? ''}`;
        if (inputs !== painted) {
          painted = inputs;
          spec.paint(state, f);
        }
      }
      return spec.key(state, f, on);
    },
    build: (f) => spec.build(state, f, on),
    drawn: () => (on && spec.count(state) > 0 ? [spec.id] : []),
    pick: (index, sublayerId) => (index < 0 ? null : spec.pick(state, index, sublayerId)),
    dispose: () => spec.dispose?.(state),
  };
}
