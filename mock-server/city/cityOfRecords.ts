/**
 * The city's assets from registry records: what the catalogue, the rules, the desk and the simulator
 * work with. A record the simulator placed carries its own parameters and comes back exactly as it
 * was placed; a city's own record gets them derived here (the road graph from its lines' ends, a
 * team's base at the nearest road junction, an inland gauge, a typical ponding site).
 */
import type { DistrictRef, TeamType } from '../../src/protocol/assets';
import type { AssetRecord } from '../assets/assetRecord';
import type { CityAssets, MuckTruck, PondingSite, PumpStation, Site, Team, WaterGauge, WaterRegime, WeatherStation } from './assets';
import { generatedElevatorId, generatedSegmentId } from './generatedIds';
import { toKm } from './localProjection';
import { nearestPointFinder } from './nearestPoint';
import { BUILDING_USES, emptyFleet, type ElevatorFleet } from './placeElevators';
import { ROAD_CLASSES, type RoadClass, type RoadNetwork } from './roadNetwork';
import { staticSitesOfRecords } from './staticSites';

/** A city's own water gauge sits this far below its warning line in dry weather, m (as the simulator's inland gauges do). */
const MEAN_BELOW_WARNING_M = 0.65;

type Kind = AssetRecord['kind'];

function byKind(records: readonly AssetRecord[]): Record<Kind, AssetRecord[]> {
  const groups = {} as Record<Kind, AssetRecord[]>;
  for (const r of records) (groups[r.kind] ??= []).push(r);
  return groups;
}

const num = (v: string | number | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** The road graph: a record's simulator nodes where they agree with its line's ends, else nodes shared by position. */
function roadsOf(records: readonly AssetRecord[], districtOf: (code: string) => number): RoadNetwork {
  const coords: number[] = [];
  const byPosition = new Map<string, number>();
  const claim = (id: number, [lon, lat]: [number, number]) => {
    coords[id * 2] = lon;
    coords[id * 2 + 1] = lat;
    byPosition.set(`${lon},${lat}`, id);
  };
  const stated = (r: AssetRecord, key: 'from' | 'to', end: [number, number]): number => {
    const id = r.simulator?.[key];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return -1;
    if (coords[id * 2] === undefined) claim(id, end);
    return coords[id * 2] === end[0] && coords[id * 2 + 1] === end[1] ? id : -1;
  };
  const ends = records.map((r) => [r.line![0], r.line![r.line!.length - 1]] as [[number, number], [number, number]]);
  // Stated nodes first, so the simulator's numbering is kept whatever order the records come in.
  const statedIds = records.map((r, s) => [stated(r, 'from', ends[s][0]), stated(r, 'to', ends[s][1])]);
  let next = coords.length / 2;
  const nodeAt = (end: [number, number]) => {
    const known = byPosition.get(`${end[0]},${end[1]}`);
    if (known !== undefined) return known;
    claim(next, end);
    return next++;
  };
  const from = Uint32Array.from(records, (_, s) => (statedIds[s][0] >= 0 ? statedIds[s][0] : nodeAt(ends[s][0])));
  const to = Uint32Array.from(records, (_, s) => (statedIds[s][1] >= 0 ? statedIds[s][1] : nodeAt(ends[s][1])));
  const ids = records.map((r) => r.id);
  return {
    nodeCount: coords.length / 2,
    nodeLonLat: Float64Array.from(coords, (v) => v ?? 0),
    segmentCount: records.length,
    from,
    to,
    roadClass: Uint8Array.from(records, (r) => Math.max(0, ROAD_CLASSES.indexOf(r.attributes.roadClass as RoadClass))),
    lengthKm: Float32Array.from(records, (r) => (typeof r.attributes.lengthKm === 'number' ? r.attributes.lengthKm : polylineKm(r.line!))),
    district: Int16Array.from(records, (r) => districtOf(r.district)),
    names: records.map((r) => r.name ?? ''),
    namesEn: records.map((r) => r.nameEn ?? ''),
    ...(ids.every((id, s) => id === generatedSegmentId(s)) ? {} : { ids }),
  };
}

function polylineKm(line: readonly [number, number][]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = toKm(...line[i - 1]);
    const [bx, by] = toKm(...line[i]);
    km += Math.hypot(bx - ax, by - ay);
  }
  return km;
}

function elevatorsOf(records: readonly AssetRecord[], districtOf: (code: string) => number): ElevatorFleet {
  if (records.length === 0) return emptyFleet();
  const fleet: ElevatorFleet = {
    count: records.length,
    lonLat: Float32Array.from(records.flatMap((r) => [r.lon, r.lat])),
    district: Uint8Array.from(records, (r) => districtOf(r.district)),
    use: Uint8Array.from(records, (r) => Math.max(0, BUILDING_USES.indexOf(r.attributes.use as (typeof BUILDING_USES)[number]))),
  };
  const generated = records.every((r, i) => r.id === generatedElevatorId(i) && r.name === null && r.nameEn === null);
  if (!generated) fleet.named = { ids: records.map((r) => r.id), names: records.map((r) => r.name ?? r.id), namesEn: records.map((r) => r.nameEn ?? r.name ?? r.id) };
  return fleet;
}

/**
 * Builds CityAssets from the registry's records (kind by kind, each in slot order). `generatedElevators`
 * is the simulator's fleet where the registry generates its elevators instead of listing them.
 */
export function cityOfRecords(records: readonly AssetRecord[], districts: DistrictRef[], generatedElevators?: ElevatorFleet): CityAssets {
  const districtIndex = new Map(districts.map((d, i) => [d.code, i]));
  const districtOf = (code: string) => {
    const i = districtIndex.get(code);
    if (i === undefined) throw new Error(`the registry names district ${code}, which the city's geometry lacks`);
    return i;
  };
  const groups = byKind(records);
  const site = (r: AssetRecord): Site => ({ id: r.id, name: r.name ?? r.id, nameEn: r.nameEn ?? r.name ?? r.id, district: districtOf(r.district), lon: r.lon, lat: r.lat });
  const roads = roadsOf(groups.roadSegment ?? [], districtOf);
  const pumpStations = (groups.pumpStation ?? []).map(
    (r): PumpStation => ({ ...site(r), capacityM3s: num(r.attributes.capacityM3s, 1), startLevel: r.thresholds.start, stopLevel: r.thresholds.stop }),
  );
  const segmentSlot = new Map((groups.roadSegment ?? []).map((r, s) => [r.id, s]));
  const pumpSlot = new Map(pumpStations.map((p, i) => [p.id, i]));
  const ponding = (r: AssetRecord): PondingSite => ({
    ...site(r),
    segment: segmentSlot.get(String(r.attributes.road)) ?? -1,
    pump: pumpSlot.get(String(r.attributes.pump)) ?? -1,
    susceptibility: num(r.simulator?.susceptibility, 1),
  });
  const nearestNode = nearestPointFinder(roads.nodeLonLat);
  const team = (r: AssetRecord): Team => {
    const stated = r.simulator?.baseNode;
    const baseNode = typeof stated === 'number' && stated < roads.nodeCount ? stated : nearestNode(r.lon, r.lat);
    return { ...site(r), type: r.attributes.teamType as TeamType, baseNode };
  };
  const waterGauge = (r: AssetRecord): WaterGauge => {
    const { warning, danger } = r.thresholds;
    const regime = (r.simulator?.regime as WaterRegime | undefined) ?? 'inland';
    return {
      ...site(r),
      regime,
      meanLevel: num(r.simulator?.meanLevel, warning - MEAN_BELOW_WARNING_M),
      tideAmplitude: num(r.simulator?.tideAmplitude, 0),
      tideLagHours: num(r.simulator?.tideLagHours, 0),
      warning,
      danger,
    };
  };
  const muckTruck = (r: AssetRecord): MuckTruck => ({
    ...site(r),
    // The Site's position is the construction site, where the route starts (the record's is the line's midpoint).
    lon: r.line?.[0][0] ?? r.lon,
    lat: r.line?.[0][1] ?? r.lat,
    site: String(r.attributes.site ?? ''),
    disposal: String(r.attributes.disposal ?? ''),
    route: Float64Array.from((r.line ?? [[r.lon, r.lat]]).flat()),
    ...(r.thresholds.corridor !== undefined && { corridorM: r.thresholds.corridor }),
    ...(r.thresholds.dumpRadius !== undefined && { dumpRadiusM: r.thresholds.dumpRadius }),
  });
  const listed = groups.elevator ?? [];
  return {
    districts,
    rainGauges: (groups.rainGauge ?? []).map(site),
    waterGauges: (groups.waterGauge ?? []).map(waterGauge),
    weatherStations: (groups.weatherStation ?? []).map((r): WeatherStation => ({ ...site(r), tempOffsetC: num(r.simulator?.tempOffsetC, 0) })),
    pumpStations,
    underpasses: (groups.underpass ?? []).map(ponding),
    waterloggingPoints: (groups.waterloggingPoint ?? []).map(ponding),
    teams: (groups.team ?? []).map(team),
    roads,
    elevators: listed.length === 0 && generatedElevators ? generatedElevators : elevatorsOf(listed, districtOf),
    statics: staticSitesOfRecords(groups, site),
    muckTrucks: (groups.muckTruck ?? []).map(muckTruck),
  };
}
