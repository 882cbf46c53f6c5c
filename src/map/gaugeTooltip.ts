/** Tooltip text for a picked gauge (plain text: names from outside never become HTML). */
import type { CatalogView } from '@/protocol/catalogView';
import type { LiveChannels } from '@/stores/useLiveStore';
import { RAIN_GAUGE_LAYER_ID } from './layers/buildRainGaugeLayer';
import { WATER_GAUGE_LAYER_ID } from './layers/buildWaterGaugeLayer';

export interface TooltipContext {
  catalog: CatalogView;
  channels: LiveChannels;
  english: boolean;
  format: (value: number, digits: number) => string;
  labels: { rain: string; level: string; warning: string };
}

export function gaugeTooltip(layerId: string, index: number, ctx: TooltipContext): string | null {
  const { catalog, channels, english, format, labels } = ctx;
  if (layerId === RAIN_GAUGE_LAYER_ID) {
    const g = catalog.groups.rainGauge;
    const name = english ? g.namesEn[index] : g.names[index];
    return `${name}\n${labels.rain}: ${format(channels.rain[index], 1)} mm/h`;
  }
  if (layerId === WATER_GAUGE_LAYER_ID) {
    const g = catalog.groups.waterGauge;
    const name = english ? g.namesEn[index] : g.names[index];
    return `${name}\n${labels.level}: ${format(channels.water[index], 2)} m\n${labels.warning}: ${format(g.thresholds.warning[index], 2)} m`;
  }
  return null;
}
