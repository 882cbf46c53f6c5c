/**
 * Where an asset of one city stands in another built from a changed registry: by kind and id, since
 * an import keeps ids but may move slots (`--replace` renumbers each kind in the file's order) or
 * drop assets. The live registry change (cityHolder.ts) carries what names assets by slot — open
 * incidents, readings waiting for the tick, the newest readings from outside — across with it, and a
 * stored alarm finds its asset by the id it carries.
 */
import { STATIC_KINDS, type AssetKind, type StaticKind } from '../../src/protocol/assetKinds';
import type { Incident } from '../../src/protocol/cityEvents';
import type { CityAssets } from '../city/assets';
import { generatedElevatorId, segmentIdOf } from '../city/generatedIds';
import { staticSitesOf } from '../city/staticSites';
import { assetCount } from '../pipeline/readings';
import { ruleSitesOf, RULE_KINDS, type RuleKind } from '../rules/ruleSites';

/** The id of the asset in a slot, per kind; undefined where the city has no such slot (or the kind is not one it names here). */
type IdsOfSlots = (slot: number) => string | undefined;

/** A kind's ids by slot in `assets`; null for a kind whose assets are not told apart by id here. */
function idsOf(assets: CityAssets, kind: AssetKind): IdsOfSlots | null {
  if ((RULE_KINDS as readonly string[]).includes(kind)) {
    const sites = ruleSitesOf(assets)[kind as RuleKind];
    return (slot) => sites[slot]?.id;
  }
  if (kind === 'team') return (slot) => assets.teams[slot]?.id;
  if (kind === 'roadSegment') return (slot) => (slot >= 0 && slot < assets.roads.segmentCount ? segmentIdOf(assets.roads, slot) : undefined);
  if (kind === 'elevator') {
    const { count, named } = assets.elevators;
    return (slot) => (slot >= 0 && slot < count ? (named?.ids[slot] ?? generatedElevatorId(slot)) : undefined);
  }
  if ((STATIC_KINDS as readonly string[]).includes(kind)) {
    const sites = staticSitesOf(assets, kind as StaticKind);
    return (slot) => sites[slot]?.id;
  }
  return null;
}

/** Finds a slot by kind and id in `assets` (undefined: no such asset); one id map per kind, built on first use. */
export function assetSlotsOf(assets: CityAssets): (kind: AssetKind, id: string) => number | undefined {
  const maps = new Map<AssetKind, Map<string, number> | null>();
  return (kind, id) => {
    let map = maps.get(kind);
    if (map === undefined) {
      const ids = idsOf(assets, kind);
      if (ids) {
        map = new Map();
        for (let slot = 0, at = ids(0); at !== undefined; at = ids(++slot)) map.set(at, slot);
      } else map = null;
      maps.set(kind, map);
    }
    return map?.get(id);
  };
}

/** The slot in `after` of the asset in slot `slot` of `before` (undefined: it is gone). */
export type SlotCarry = (kind: AssetKind, slot: number) => number | undefined;

/**
 * Carries slots from `before` to `after` by id. A kind not told apart by id here keeps its slot while
 * `after` still has it (its assets are placed, not imported one by one).
 */
export function slotCarryOf(before: CityAssets, after: CityAssets): SlotCarry {
  const slotIn = assetSlotsOf(after);
  const idsBefore = new Map<AssetKind, IdsOfSlots | null>();
  return (kind, slot) => {
    if (!idsBefore.has(kind)) idsBefore.set(kind, idsOf(before, kind));
    const ids = idsBefore.get(kind);
    if (!ids) return slot >= 0 && slot < assetCount(after, kind) ? slot : undefined;
    const id = ids(slot);
    return id === undefined ? undefined : slotIn(kind, id);
  };
}

/**
 * The incident with its asset, team and road segment moved to their slots in the new city; a
 * reference whose asset is gone becomes null (the record stays, where it was reported: operators
 * close it as ever). Returns the same object when nothing moved.
 */
export function carryIncident(incident: Incident, carry: SlotCarry): Incident {
  const assetSlot = incident.assetKind === null || incident.assetSlot === null ? incident.assetSlot : (carry(incident.assetKind, incident.assetSlot) ?? null);
  const teamSlot = incident.teamSlot === null ? null : (carry('team', incident.teamSlot) ?? null);
  const segment = incident.segment === null ? null : (carry('roadSegment', incident.segment) ?? null);
  if (assetSlot === incident.assetSlot && teamSlot === incident.teamSlot && segment === incident.segment) return incident;
  return { ...incident, assetSlot, teamSlot, segment };
}
