/**
 * Road-closure notices for flooded underpasses (the cascade from the sources: while an underpass
 * alarm is critical the traffic police close its stretch of road; the notice is lifted when the
 * alarm eases). The closed segments reach traffic through the desk's world port.
 */
import type { Alarm, CityEvent, Closure } from '../../src/protocol/cityEvents';
import type { ClosureNotice } from '../../src/protocol/closureNotice';
import type { CityAssets } from '../city/assets';
import { closureSegments } from './closureSegments';
import type { DeskWorld } from './deskWorld';

export class RoadClosures {
  /** Active closure per underpass slot. */
  private readonly closures = new Map<number, Closure>();

  constructor(
    private readonly assets: CityAssets,
    private readonly world: DeskWorld,
  ) {}

  active(): Closure[] {
    return [...this.closures.values()];
  }

  /**
   * Records where the closure's notice to the traffic police stands (the webhook outbox's word,
   * webhooks/syncClosureNotices.ts); returns the closure as changed, or nothing when it is no longer
   * active. The closure is replaced, not changed in place: a frame already built keeps what it said.
   */
  notice(closureId: string, notice: ClosureNotice): CityEvent[] {
    const slot = [...this.closures].find(([, c]) => c.id === closureId)?.[0];
    if (slot === undefined) return [];
    const closure: Closure = { ...this.closures.get(slot)!, notice };
    this.closures.set(slot, closure);
    return [{ type: 'closure', closure: { ...closure } }];
  }

  /** Issues or lifts the closure of the alarm's underpass so it matches the alarm; returns the change. */
  update(alarm: Alarm, now: number): CityEvent[] {
    const existing = this.closures.get(alarm.slot);
    const shouldClose = alarm.state === 'active' && alarm.severity === 'critical';
    if (shouldClose && !existing) {
      const site = this.assets.underpasses[alarm.slot];
      const closure: Closure = {
        id: `CL-${alarm.assetId}-${now}`,
        underpassSlot: alarm.slot,
        alarmId: alarm.id,
        segments: closureSegments(this.assets.roads, site.segment),
        notified: 'trafficPolice',
        issuedAt: now,
        liftedAt: null,
        state: 'active',
        lon: site.lon,
        lat: site.lat,
        district: site.district,
      };
      this.closures.set(alarm.slot, closure);
      this.world.setRoadClosed(closure.segments, true);
      return [{ type: 'closure', closure: { ...closure } }];
    }
    if (!shouldClose && existing) {
      this.closures.delete(alarm.slot);
      this.world.setRoadClosed(existing.segments, false);
      return [{ type: 'closure', closure: { ...existing, state: 'lifted', liftedAt: now } }];
    }
    return [];
  }
}
