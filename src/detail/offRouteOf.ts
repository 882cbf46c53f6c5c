/**
 * How far off its permitted route a muck truck is, for its detail card (issue 15: the distance on the
 * card while the truck is off its route). "Off" is what the server's geofence says — an active
 * `offRoute` alarm, raised past the truck's corridor and the rule's pending period — so the card and
 * the alarm list never disagree; the distance itself is live, from the truck's position in the newest
 * frame to its route in the catalogue (the alarm's own value is where it was when raised). Pure.
 */
import { distanceToRouteM } from '@/domain/routeDistance';
import type { AssetGroupView } from '@/protocol/catalogView';
import type { Alarm } from '@/protocol/cityEvents';

export interface OffRoute {
  /** Metres from the route, now. */
  distanceM: number;
  /** The corridor either side of the route the alarm was raised past, metres. */
  corridorM: number;
}

/**
 * The truck in `slot` off its route, or null: no active off-route alarm for it, no route in the
 * catalogue, or no position. `positions`: the `truck.pos` channel (lon, lat per slot).
 */
export function offRouteOf(group: Pick<AssetGroupView, 'paths' | 'count'>, positions: ArrayLike<number>, slot: number, alarms: Iterable<Alarm>): OffRoute | null {
  let alarm: Alarm | undefined;
  for (const a of alarms) if (a.assetKind === 'muckTruck' && a.slot === slot && a.trigger === 'offRoute' && a.state === 'active') alarm = a;
  const paths = group.paths;
  if (!alarm || !paths || slot < 0 || slot >= group.count) return null;
  const lon = positions[slot * 2];
  const lat = positions[slot * 2 + 1];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const distanceM = distanceToRouteM(lon, lat, paths.coords, paths.starts[slot], paths.starts[slot + 1]);
  return Number.isFinite(distanceM) ? { distanceM: Math.round(distanceM), corridorM: alarm.threshold } : null;
}
