/**
 * A run of point specs of one type drawn by one deck.gl layer: each kind owns a run of instances
 * (in draw order), positions are copied together once per catalogue, and colours and sizes live in
 * shared swap buffers. A kind repaints its run when its channels (or, clustered, the clusters)
 * changed; a repaint that changes no byte keeps the buffer and the layer. A kind switched off gets
 * size 0, so it is neither drawn nor picked while its neighbours stay. A slot whose reading is stale
 * is drawn as no data, whatever its kind paints (issue 15).
 */
import type { Layer } from '@deck.gl/core';
import type { IconName } from '../icons/iconAtlas';
import { writeStaleAsNoData } from '../liveColors';
import { floatSwapBuffer, SwapBuffer } from '../swapBuffer';
import { buildDotPointLayer } from './dotPointLayer';
import { buildIconPointLayer } from './iconPointLayer';
import { layoutPx, type DotPointSpec, type LayerEnv, type LiveFrame, type LiveLayerId, type PointSpec } from './layerSpec';
import { LiveData } from './liveData';
import { channelVersions, switchedOn, type LiveSlot } from './liveSlot';

export function pointSlot(specs: readonly PointSpec[], env: LayerEnv): LiveSlot {
  const icons = specs[0].type === 'icon';
  const counts = specs.map((s) => env.catalog.groups[s.kind].count);
  const offsets = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const states = specs.map((s) => s.prepare?.(env));
  const positions = new Float32Array(total * 2);
  specs.forEach((s, i) => positions.set(env.catalog.groups[s.kind].positions, offsets[i] * 2));

  // Icons: one tint. Dots: a fill and an outline, one of them live per kind, the other fixed.
  const fill = new SwapBuffer(total);
  const line = new SwapBuffer(total);
  const sizes = floatSwapBuffer(total, 1);
  const widths = floatSwapBuffer(total, 1);
  const liveBuffer = (s: PointSpec) => (s.type === 'dot' && s.live === 'line' ? line : fill);
  specs.forEach((s, i) => {
    if (s.type !== 'dot') return;
    const fixed = s.live === 'fill' ? line : fill;
    // Twice: the first write swaps in the colour, the second copies it into the other half too.
    for (let k = 0; k < 2; k++) fixed.write((out) => fillRun(out, offsets[i], counts[i], s.fixed));
  });
  const position = { value: positions, size: 2 };
  const data = icons
    ? new LiveData<string>(total, { getPosition: position, getColor: fill.current, getSize: sizes.current })
    : new LiveData<string>(total, { getPosition: position, getFillColor: fill.current, getLineColor: line.current, getRadius: sizes.current, getLineWidth: widths.current });
  const iconOf: IconName[] = specs.flatMap((s, i) => (s.type === 'icon' ? new Array<IconName>(counts[i]).fill(s.icon) : []));

  const on = specs.map(() => false);
  const painted: (string | null)[] = specs.map(() => null);
  let sized = '';
  const layerId = specs.map((s) => s.id).join('+');

  function repaint(f: LiveFrame): void {
    const due = specs.map((s, i) => {
      if (!on[i]) return false;
      const inputs = `${channelVersions(f, s.channels)}|${s.clustered ? env.clusters.epoch : ''}`;
      if (inputs === painted[i]) return false;
      painted[i] = inputs;
      return true;
    });
    for (const [buffer, accessor] of [[fill, icons ? 'getColor' : 'getFillColor'], [line, 'getLineColor']] as const) {
      if (!specs.some((s, i) => due[i] && liveBuffer(s) === buffer)) continue;
      const changed = buffer.write((out) => {
        specs.forEach((s, i) => {
          if (!due[i] || liveBuffer(s) !== buffer) return;
          const run = out.subarray(offsets[i] * 4, (offsets[i] + counts[i]) * 4);
          s.paint(states[i], f, run, env);
          for (const id of s.channels) writeStaleAsNoData(f.stale?.[id], run);
        });
      });
      if (changed) data.set(accessor, buffer.current);
    }
  }

  function resize(f: LiveFrame): void {
    const key = `${f.uiScale}|${on.join()}`;
    if (key === sized) return;
    sized = key;
    // An icon is as wide as its point's diameter.
    const px = specs.map((s, i) => (on[i] ? layoutPx(s.sizePx, f.uiScale, s.minPx) : 0));
    if (sizes.write((out) => specs.forEach((_, i) => out.fill(icons ? px[i] * 2 : px[i], offsets[i], offsets[i] + counts[i])))) data.set(icons ? 'getSize' : 'getRadius', sizes.current);
    if (icons) return;
    const lineWidth = (i: number) => (px[i] > 0 ? (specs[i] as DotPointSpec).lineWidth(px[i]) : 0);
    if (widths.write((out) => specs.forEach((_, i) => out.fill(lineWidth(i), offsets[i], offsets[i] + counts[i])))) data.set('getLineWidth', widths.current);
  }

  return {
    layerId,
    update(f) {
      // A kind with no slots, or below its zoom, counts as off: a layer of such kinds is hidden.
      specs.forEach((s, i) => (on[i] = counts[i] > 0 && switchedOn(f, s.id) && f.zoom >= (s.minZoom ?? -Infinity)));
      repaint(f);
      resize(f);
      const any = on.some(Boolean);
      return any ? `1|${data.version}` : '0';
    },
    build: (): Layer =>
      icons
        ? buildIconPointLayer({ id: layerId, data: data as LiveData<'getPosition' | 'getColor' | 'getSize'>, icons: iconOf, atlas: env.atlas, visible: on.some(Boolean) })
        : buildDotPointLayer({ id: layerId, data: data as LiveData<'getPosition' | 'getFillColor' | 'getLineColor' | 'getRadius' | 'getLineWidth'>, visible: on.some(Boolean) }),
    drawn: () => specs.flatMap((s, i): LiveLayerId[] => (on[i] && counts[i] > 0 ? [s.id] : [])),
    pick(index) {
      for (let i = 0; i < specs.length; i++) {
        if (index >= offsets[i] && index < offsets[i] + counts[i]) return { type: 'asset', kind: specs[i].kind, slot: index - offsets[i] };
      }
      return null;
    },
  };
}

/** Writes one colour into a run of RGBA slots. */
function fillRun(out: Uint8Array, offset: number, count: number, rgba: readonly number[]): void {
  for (let i = offset; i < offset + count; i++) out.set(rgba, i * 4);
}
