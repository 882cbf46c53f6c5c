/**
 * Open incidents packed for the map, once per change of the incident collection: the incident
 * layer draws the arrays, and the map runs the pulse while P1/P2 incidents are among them.
 */
import { OPEN_STATUSES, type Incident } from '@/protocol/cityEvents';
import { INCIDENT_HANDLED_OUTLINE, INCIDENT_NEW_OUTLINE, PRIORITY_COLORS, PRIORITY_RADIUS } from './mapPalette';

/** Incidents packed into typed arrays, least urgent first so the most urgent draw on top. */
export interface IncidentArrays {
  ids: string[];
  positions: Float32Array;
  fill: Uint8Array;
  outline: Uint8Array;
  /** Design pixels. */
  radius: Float32Array;
  outlineWidth: Float32Array;
  /** Indices (into the arrays above) of P1/P2 incidents. */
  urgent: Uint32Array;
}

export function packIncidents(incidents: Iterable<Incident>): IncidentArrays {
  const list = [...incidents].filter((i) => OPEN_STATUSES.includes(i.status)).sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt);
  const n = list.length;
  const out: IncidentArrays = {
    ids: list.map((i) => i.id),
    positions: new Float32Array(n * 2),
    fill: new Uint8Array(n * 4),
    outline: new Uint8Array(n * 4),
    radius: new Float32Array(n),
    outlineWidth: new Float32Array(n),
    urgent: Uint32Array.from(list.flatMap((inc, i) => (inc.priority <= 2 ? [i] : []))),
  };
  list.forEach((inc, i) => {
    out.positions[i * 2] = inc.lon;
    out.positions[i * 2 + 1] = inc.lat;
    out.fill.set([...PRIORITY_COLORS[inc.priority], 235], i * 4);
    const fresh = inc.status === 'new';
    out.outline.set([...(fresh ? INCIDENT_NEW_OUTLINE : INCIDENT_HANDLED_OUTLINE), 255], i * 4);
    out.radius[i] = PRIORITY_RADIUS[inc.priority];
    out.outlineWidth[i] = fresh ? 5 : 2;
  });
  return out;
}

/** Whether two packings draw the same: same incidents, places, colours and sizes, in the same order. */
function samePacking(a: IncidentArrays, b: IncidentArrays): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  };
  return (
    a.ids.length === b.ids.length &&
    a.ids.every((id, i) => id === b.ids[i]) &&
    same(a.positions, b.positions) &&
    same(a.fill, b.fill) &&
    same(a.outline, b.outline) &&
    same(a.radius, b.radius) &&
    same(a.outlineWidth, b.outlineWidth)
  );
}

export interface IncidentCache {
  /** Repacks when the incidents changed since the last call (`version`: when they last changed). */
  update(incidents: ReadonlyMap<string, Incident>, version: number): void;
  readonly arrays: IncidentArrays;
  /** Bumps only when the packing changed: an incident event that changes nothing drawn (a note, a timer) redraws nothing. */
  readonly version: number;
}

export function createIncidentCache(): IncidentCache {
  let seen = -1;
  const cache = {
    arrays: packIncidents([]),
    version: 0,
    update(incidents: ReadonlyMap<string, Incident>, version: number) {
      if (version === seen) return;
      seen = version;
      const arrays = packIncidents(incidents.values());
      if (samePacking(arrays, cache.arrays)) return;
      cache.arrays = arrays;
      cache.version++;
    },
  };
  return cache;
}
