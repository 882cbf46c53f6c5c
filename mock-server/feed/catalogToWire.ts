/**
 * The static catalogue as it goes on the wire: column arrays, positions and lines as Float32 buffers,
 * and the vital-sign indicators in the order of every frame's values.
 */
import { UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '../../src/domain/thresholds';
import { STATIC_KINDS, TEAM_TYPES, type AssetKind, type WireAssetGroup, type WireCatalog } from '../../src/protocol/assets';
import type { IndicatorSpec } from '../../src/protocol/vitals';
import type { CityAssets, MuckTruck, Site } from '../city/assets';
import type { ElevatorFleet } from '../city/placeElevators';
import { ELEVATOR_NAMING, segmentIdOf } from '../city/generatedIds';
import { segmentMidpoint, type RoadNetwork } from '../city/roadNetwork';
import { staticSitesOf } from '../city/staticSites';
import { INDICATORS } from '../vitals/indicatorCatalogue';
import { staticGroup } from './staticGroup';
import { packPaths } from './packPaths';
import { staleAfterByChannel, type StaleAfterByChannel } from '../ingest/readingStaleness';

const bytes = (values: Float32Array) => new Uint8Array(values.buffer);

function group(kind: AssetKind, sites: Site[], extra: Partial<WireAssetGroup> = {}): WireAssetGroup {
  const positions = new Float32Array(sites.length * 2);
  sites.forEach((s, i) => {
    positions[i * 2] = s.lon;
    positions[i * 2 + 1] = s.lat;
  });
  return {
    kind,
    ids: sites.map((s) => s.id),
    names: sites.map((s) => s.name),
    namesEn: sites.map((s) => s.nameEn),
    districts: sites.map((s) => s.district),
    positions: bytes(positions),
    thresholds: {},
    attributes: {},
    ...extra,
  };
}

/** Road segments: midpoints as positions, both ends as lines, the class as an attribute. */
function roadGroup(net: RoadNetwork): WireAssetGroup {
  const n = net.segmentCount;
  const positions = new Float32Array(n * 2);
  const lines = new Float32Array(n * 4);
  for (let s = 0; s < n; s++) {
    positions.set(segmentMidpoint(net, s), s * 2);
    const a = net.from[s] * 2;
    const b = net.to[s] * 2;
    lines.set([net.nodeLonLat[a], net.nodeLonLat[a + 1], net.nodeLonLat[b], net.nodeLonLat[b + 1]], s * 4);
  }
  const ids = Array.from({ length: n }, (_, s) => segmentIdOf(net, s));
  return {
    kind: 'roadSegment',
    ids,
    names: net.names,
    namesEn: net.namesEn,
    districts: Array.from(net.district),
    positions: bytes(positions),
    lines: bytes(lines),
    thresholds: {},
    attributes: {
      class: Array.from(net.roadClass),
      lengthKm: Array.from(net.lengthKm, (v) => Math.round(v * 1000) / 1000),
    },
  };
}

/**
 * Elevators: the simulator's are too many to name one by one, so their ids and names follow from the
 * slot; a registry's own are listed. Districts go as bytes.
 */
function elevatorGroup(fleet: ElevatorFleet): WireAssetGroup {
  const { named } = fleet;
  return {
    kind: 'elevator',
    ids: named?.ids ?? [],
    names: named?.names ?? [],
    namesEn: named?.namesEn ?? [],
    ...(named ? {} : { naming: { ...ELEVATOR_NAMING } }),
    districts: new Uint8Array(fleet.district),
    positions: bytes(fleet.lonLat),
    thresholds: {},
    attributes: {},
  };
}

/** Muck trucks: the construction site as the position, the permitted routes as paths, the sites as texts. */
function muckTruckGroup(trucks: MuckTruck[]): WireAssetGroup {
  return group('muckTruck', trucks, {
    paths: packPaths(trucks.map((t) => t.route)),
    texts: { site: trucks.map((t) => t.site), disposal: trucks.map((t) => t.disposal) },
  });
}

/** A short FNV-1a hash of a text. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}

/** A short hash of the indicator ids in order: the meaning of each slot of `vitals.values`. */
const indicatorsHash = (indicators: readonly IndicatorSpec[]): string => shortHash(indicators.map((i) => i.id).join('|'));

/**
 * The catalogue's version: the seed, every kind's count, the indicators, the no-data intervals (a
 * screen holding the catalogue across a restart with another rules file must refetch it) and, for a
 * city read from the registry, the registry's digest.
 */
export function catalogVersionOf(seed: number, assets: CityAssets, indicators: readonly IndicatorSpec[] = INDICATORS, staleAfterMs: StaleAfterByChannel = staleAfterByChannel([])): string {
  return `s${seed}-rg${assets.rainGauges.length}-wl${assets.waterGauges.length}-ps${assets.pumpStations.length}-up${assets.underpasses.length}-rs${assets.roads.segmentCount}-tm${assets.teams.length}-ev${assets.elevators.count}-mt${assets.muckTrucks.length}-st${STATIC_KINDS.map((k) => staticSitesOf(assets, k).length).join('.')}-vi${indicatorsHash(indicators)}-na${shortHash(Object.values(staleAfterMs).join('|'))}${assets.registryDigest ? `-r${assets.registryDigest}` : ''}`;
}

export function catalogToWire(assets: CityAssets, version: string, indicators: readonly IndicatorSpec[] = INDICATORS, staleAfterMs: StaleAfterByChannel = staleAfterByChannel([])): WireCatalog {
  return {
    version,
    districts: assets.districts,
    indicators: indicators.map((spec) => structuredClone(spec)),
    staleAfterMs: { ...staleAfterMs },
    groups: [
      group('rainGauge', assets.rainGauges),
      group('waterGauge', assets.waterGauges, {
        thresholds: { warning: assets.waterGauges.map((g) => g.warning), danger: assets.waterGauges.map((g) => g.danger) },
      }),
      group('weatherStation', assets.weatherStations),
      group('underpass', assets.underpasses, {
        thresholds: { warning: assets.underpasses.map(() => UNDERPASS_THRESHOLDS_CM.warning), closed: assets.underpasses.map(() => UNDERPASS_THRESHOLDS_CM.closed) },
        attributes: { segment: assets.underpasses.map((u) => u.segment), pump: assets.underpasses.map((u) => u.pump) },
      }),
      group('waterloggingPoint', assets.waterloggingPoints, {
        thresholds: { warning: assets.waterloggingPoints.map(() => WATERLOGGING_THRESHOLDS_CM.warning), major: assets.waterloggingPoints.map(() => WATERLOGGING_THRESHOLDS_CM.major) },
        attributes: { segment: assets.waterloggingPoints.map((u) => u.segment), pump: assets.waterloggingPoints.map((u) => u.pump) },
      }),
      group('pumpStation', assets.pumpStations, {
        thresholds: { start: assets.pumpStations.map((p) => p.startLevel), stop: assets.pumpStations.map((p) => p.stopLevel) },
        attributes: { capacityM3s: assets.pumpStations.map((p) => p.capacityM3s) },
      }),
      roadGroup(assets.roads),
      group('team', assets.teams, { attributes: { type: assets.teams.map((t) => TEAM_TYPES.indexOf(t.type)) } }),
      elevatorGroup(assets.elevators),
      muckTruckGroup(assets.muckTrucks),
      ...STATIC_KINDS.map((kind) => staticGroup(kind, staticSitesOf(assets, kind))),
    ],
  };
}
