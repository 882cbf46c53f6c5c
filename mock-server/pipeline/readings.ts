/**
 * The city's readings: one typed array per live channel, in the catalogue's slot order. A source
 * reports them, the rules sample them, the feed publishes them and the vitals summarise them.
 */
import type { AssetKind } from '../../src/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import { staticSitesOf } from '../city/staticSites';

export type Readings = Record<ChannelId, ChannelArray>;

/** How many slots an asset kind has in this city. */
export function assetCount(assets: CityAssets, kind: AssetKind): number {
  switch (kind) {
    case 'rainGauge':
      return assets.rainGauges.length;
    case 'waterGauge':
      return assets.waterGauges.length;
    case 'weatherStation':
      return assets.weatherStations.length;
    case 'underpass':
      return assets.underpasses.length;
    case 'waterloggingPoint':
      return assets.waterloggingPoints.length;
    case 'pumpStation':
      return assets.pumpStations.length;
    case 'roadSegment':
      return assets.roads.segmentCount;
    case 'team':
      return assets.teams.length;
    case 'elevator':
      return assets.elevators.count;
    case 'muckTruck':
      return assets.muckTrucks.length;
    default:
      return staticSitesOf(assets, kind).length;
  }
}

/** A zeroed array for every channel, sized for this city. */
export function allocateReadings(assets: CityAssets): Readings {
  return Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, assetCount(assets, CHANNELS[id].kind))])) as Readings;
}
