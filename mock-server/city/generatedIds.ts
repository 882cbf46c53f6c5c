/**
 * Ids that follow from the slot, for the kinds the simulator places in their tens of thousands
 * (road segments, elevators): a registry that names its own keeps them in `ids` / `named` instead.
 */
import type { RoadNetwork } from './roadNetwork';

/** Generated elevator naming: id = prefix + (slot + 1) in six digits; name = label + those digits. */
export const ELEVATOR_NAMING = { idPrefix: 'EV-', digits: 6, label: '电梯 ', labelEn: 'Elevator ' } as const;

/** The id of the road segment in slot `s`: its own where the registry named it, else the generated one. */
export function segmentIdOf(net: Pick<RoadNetwork, 'ids'>, s: number): string {
  return net.ids?.[s] ?? generatedSegmentId(s);
}

/** `RS-` and the slot + 1 in five digits. */
export function generatedSegmentId(s: number): string {
  return `RS-${String(s + 1).padStart(5, '0')}`;
}

/** The elevator id that follows from the slot. */
export function generatedElevatorId(slot: number): string {
  return `${ELEVATOR_NAMING.idPrefix}${String(slot + 1).padStart(ELEVATOR_NAMING.digits, '0')}`;
}
