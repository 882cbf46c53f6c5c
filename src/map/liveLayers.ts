/**
 * Builds the live deck.gl layers from the live store's typed arrays. Colour buffers and position
 * wrappers are kept per catalogue, so an update writes colours and swaps one attribute, nothing more.
 */
import type { Layer } from '@deck.gl/core';
import type { CatalogView } from '@/protocol/catalogView';
import type { LiveChannels } from '@/stores/useLiveStore';
import { buildRainGaugeLayer } from './layers/buildRainGaugeLayer';
import { buildWaterGaugeLayer } from './layers/buildWaterGaugeLayer';
import { LAYER_ORDER, type LiveLayerId } from './layers/layerOrder';
import { writeRainColors, writeWaterColors } from './liveColors';
import { SwapBuffer } from './swapBuffer';

export interface LiveLayerOptions {
  visible: Record<LiveLayerId, boolean>;
  /** Layout scale of the wall screen (1 at 3840 px wide), for marker sizes. */
  uiScale: number;
}

export interface LiveLayerSet {
  readonly catalogVersion: string;
  build(channels: LiveChannels, options: LiveLayerOptions): Layer[];
}

export function createLiveLayerSet(catalog: CatalogView): LiveLayerSet {
  const rain = catalog.groups.rainGauge;
  const water = catalog.groups.waterGauge;
  const rainPositions = { value: rain.positions, size: 2 as const };
  const waterPositions = { value: water.positions, size: 2 as const };
  const rainColors = new SwapBuffer(rain.count);
  const waterColors = new SwapBuffer(water.count);
  const warning = water.thresholds.warning ?? [];
  const danger = water.thresholds.danger ?? [];

  return {
    catalogVersion: catalog.version,
    build(channels, { visible, uiScale }) {
      const rainBuffer = rainColors.next();
      writeRainColors(channels.rain, rainBuffer.value);
      const waterBuffer = waterColors.next();
      writeWaterColors(channels.water, warning, danger, waterBuffer.value);
      const px = (design: number) => Math.max(2.5, design * uiScale);
      const layers: Record<LiveLayerId, Layer> = {
        'rain-gauges': buildRainGaugeLayer({ count: rain.count, positions: rainPositions, colors: rainBuffer, visible: visible['rain-gauges'], radiusPx: px(9) }),
        'water-gauges': buildWaterGaugeLayer({ count: water.count, positions: waterPositions, colors: waterBuffer, visible: visible['water-gauges'], radiusPx: px(10) }),
      };
      return LAYER_ORDER.map((id) => layers[id]);
    },
  };
}
