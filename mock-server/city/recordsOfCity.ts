/**
 * The simulator's city as registry records: every asset it placed, with its `simulator` parameters
 * (the model's own numbers, and the road graph's node numbers), so that reading the records back
 * (cityOfRecords.ts) gives exactly the same CityAssets, slot for slot. Elevators are not listed: the
 * simulator's are generated from the seed (assets/cityRegistry.ts says why).
 */
import type { AssetRecord } from '../assets/assetRecord';
import type { CityAssets, MuckTruck, PondingSite, Site } from './assets';
import { STATIC_KINDS } from '../../src/protocol/assets';
import { segmentIdOf } from './generatedIds';
import { staticRecordAttributes, staticSitesOf } from './staticSites';
import { ROAD_CLASSES, segmentMidpoint, type RoadNetwork } from './roadNetwork';

type Kind = AssetRecord['kind'];

function siteRecord(kind: Kind, site: Site, codes: readonly string[], extra: Partial<AssetRecord> = {}): AssetRecord {
  return {
    kind,
    id: site.id,
    name: site.name,
    nameEn: site.nameEn,
    district: codes[site.district],
    lon: site.lon,
    lat: site.lat,
    line: null,
    thresholds: {},
    attributes: {},
    simulator: null,
    ...extra,
  };
}

function pondingRecord(kind: Kind, site: PondingSite, assets: CityAssets, codes: readonly string[]): AssetRecord {
  return siteRecord(kind, site, codes, {
    // By id, so an import that moves other assets' slots keeps the reference.
    attributes: { road: segmentIdOf(assets.roads, site.segment), pump: assets.pumpStations[site.pump].id },
    simulator: { susceptibility: site.susceptibility },
  });
}

function roadRecords(net: RoadNetwork, codes: readonly string[]): AssetRecord[] {
  return Array.from({ length: net.segmentCount }, (_, s): AssetRecord => {
    const a = net.from[s] * 2;
    const b = net.to[s] * 2;
    const [lon, lat] = segmentMidpoint(net, s);
    return {
      kind: 'roadSegment',
      id: segmentIdOf(net, s),
      name: net.names[s],
      nameEn: net.namesEn[s],
      district: codes[net.district[s]],
      lon,
      lat,
      line: [
        [net.nodeLonLat[a], net.nodeLonLat[a + 1]],
        [net.nodeLonLat[b], net.nodeLonLat[b + 1]],
      ],
      thresholds: {},
      attributes: { roadClass: ROAD_CLASSES[net.roadClass[s]], lengthKm: net.lengthKm[s] },
      simulator: { from: net.from[s], to: net.to[s] },
    };
  });
}

/** A muck truck: its permitted route as its line, its sites as attributes, its own geofence sizes as thresholds. */
function muckTruckRecord(t: MuckTruck, codes: readonly string[]): AssetRecord {
  const line = Array.from({ length: t.route.length / 2 }, (_, i): [number, number] => [t.route[i * 2], t.route[i * 2 + 1]]);
  const thresholds: Record<string, number> = {};
  if (t.corridorM !== undefined) thresholds.corridor = t.corridorM;
  if (t.dumpRadiusM !== undefined) thresholds.dumpRadius = t.dumpRadiusM;
  const [first, last] = [line[0], line[line.length - 1]];
  // A line's record stands at its midpoint, as an imported one does (assets/featureRecords.ts).
  const at = { lon: (first[0] + last[0]) / 2, lat: (first[1] + last[1]) / 2 };
  return siteRecord('muckTruck', t, codes, { ...at, line, thresholds, attributes: { site: t.site, disposal: t.disposal } });
}

/** Every asset of the city but its elevators, kind by kind in catalogue order, each kind in slot order. */
export function recordsOfCity(assets: CityAssets): AssetRecord[] {
  const codes = assets.districts.map((d) => d.code);
  return [
    ...assets.rainGauges.map((g) => siteRecord('rainGauge', g, codes)),
    ...assets.waterGauges.map((g) =>
      siteRecord('waterGauge', g, codes, {
        thresholds: { warning: g.warning, danger: g.danger },
        simulator: { regime: g.regime, meanLevel: g.meanLevel, tideAmplitude: g.tideAmplitude, tideLagHours: g.tideLagHours },
      }),
    ),
    ...assets.weatherStations.map((s) => siteRecord('weatherStation', s, codes, { simulator: { tempOffsetC: s.tempOffsetC } })),
    ...assets.underpasses.map((u) => pondingRecord('underpass', u, assets, codes)),
    ...assets.waterloggingPoints.map((w) => pondingRecord('waterloggingPoint', w, assets, codes)),
    ...assets.pumpStations.map((p) =>
      siteRecord('pumpStation', p, codes, { thresholds: { start: p.startLevel, stop: p.stopLevel }, attributes: { capacityM3s: p.capacityM3s } }),
    ),
    ...roadRecords(assets.roads, codes),
    ...assets.teams.map((t) => siteRecord('team', t, codes, { attributes: { teamType: t.type }, simulator: { baseNode: t.baseNode } })),
    ...assets.muckTrucks.map((t) => muckTruckRecord(t, codes)),
    ...STATIC_KINDS.flatMap((kind) => staticSitesOf(assets, kind).map((s) => siteRecord(kind, s, codes, { attributes: staticRecordAttributes(kind, s), ...(s.area && { area: s.area }) }))),
  ];
}
