/**
 * Turns a rule book (the file as the city wrote it) into the engine's rules over one catalogue:
 * durations into seconds, state names into codes, asset ids into slots, and each level's line per
 * asset where the asset has its own (a water gauge's warning and danger lines win over the rule's).
 */
import { CHANNELS } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import { RulesFileError, type RuleBook } from './ruleBook';
import { assetThresholdColumn, ruleSitesOf } from './ruleSites';
import { durationS, GEOFENCES, STATE_NAMES, type GeofenceName, type LevelSpec, type RuleSpec } from './rulesFileSchema';
import type { AlarmRule, Band, Pending } from './ruleTypes';

/** The engine's rules for `assets`; throws a RulesFileError naming the line of each asset id the catalogue lacks. */
export function compileRules(book: RuleBook, assets: CityAssets): AlarmRule[] {
  const sites = ruleSitesOf(assets);
  const problems: string[] = [];
  const rules = book.rules.map((spec, i): AlarmRule => {
    const slotOf = new Map(sites[spec.kind].map((site, slot) => [site.id, slot]));
    const assetSlots = spec.assets?.flatMap((id, k) => {
      const slot = slotOf.get(id);
      if (slot === undefined) problems.push(`${book.where(['rules', i, 'assets', k])}: no ${spec.kind} with id "${id}"`);
      return slot === undefined ? [] : [slot];
    });
    const common = {
      id: spec.id,
      assetKind: spec.kind,
      ...(assetSlots && { assetSlots }),
      channel: spec.channel,
      ...(spec.pending && { pending: pendingOf(spec.pending) }),
      ...(spec.noData !== undefined && { frozenAfterS: durationS(spec.noData) }),
      ...(spec.incident && { incident: { ...spec.incident } }),
    };
    const fence = (Object.keys(GEOFENCES) as GeofenceName[]).find((name) => spec[name] !== undefined);
    // The schema refuses noData on a geofence, so `common` carries no frozenAfterS here.
    if (fence) return { ...common, frozenAfterS: undefined, trigger: fence, limitM: limitOf(spec, fence, assets), severity: spec[fence]!.severity };
    const states = STATE_NAMES[spec.channel];
    if (states) {
      return {
        ...common,
        trigger: 'state',
        severities: Object.fromEntries(Object.entries(spec.states!).map(([name, severity]) => [states.indexOf(name), severity])),
        ...(spec.noDataStates && { silentStates: spec.noDataStates.map((name) => states.indexOf(name)) }),
      };
    }
    const rate = spec.rateOfRise;
    return {
      ...common,
      trigger: 'threshold',
      unit: CHANNELS[spec.channel].unit,
      windowS: spec.window === undefined ? 0 : durationS(spec.window),
      bands: bandsOf(spec, assets),
      ...(rate && { rate: { perMinute: rate.perMinute, windowS: durationS(rate.over), minValue: rate.from, severity: rate.severity, clearBelow: rate.clear } }),
      ...(spec.closesRoads && { closesRoad: true }),
    };
  });
  if (problems.length > 0) throw new RulesFileError(problems);
  return rules;
}

/** A geofence's size per slot: the asset's own where the rule names its column and the asset has one, else the rule's. */
function limitOf(spec: RuleSpec, fence: GeofenceName, assets: CityAssets): (slot: number) => number {
  const fenceSpec = spec[fence]!;
  const size = fence === 'offRoute' ? spec.offRoute!.corridor : spec.dumpOffSite!.radius;
  const own = fenceSpec.assetThreshold === undefined ? undefined : assetThresholdColumn(assets, spec.kind, fenceSpec.assetThreshold);
  return (slot) => {
    const mine = own?.[slot];
    return mine !== undefined && Number.isFinite(mine) ? mine : size;
  };
}

function pendingOf(pending: NonNullable<RuleSpec['pending']>): Pending {
  return pending.samples !== undefined ? { samples: pending.samples } : { durationS: durationS(pending.for!) };
}

/** Fixed bands, or per-slot bands where a level takes each asset's own line. */
function bandsOf(spec: RuleSpec, assets: CityAssets): Band[] | ((slot: number) => Band[]) {
  const levels = spec.levels!;
  const columns = levels.map((level) => (level.assetThreshold === undefined ? undefined : assetThresholdColumn(assets, spec.kind, level.assetThreshold)));
  if (columns.every((c) => c === undefined)) return levels.map((level) => band(level, NaN));
  const count = ruleSitesOf(assets)[spec.kind].length;
  const perSlot = Array.from({ length: count }, (_, slot) => levels.map((level, k) => band(level, columns[k]?.[slot] ?? NaN)));
  return (slot) => perSlot[slot];
}

/** The level's band, at the asset's own line where it has one; the clear line keeps its distance below the raise line. */
function band(level: LevelSpec, own: number): Band {
  if (!Number.isFinite(own)) return { severity: level.severity, above: level.raise, clearBelow: level.clear };
  // The gap as written: 4.55 − 4.5 is 0.04999… in binary, and a gauge's line minus that would not be its line minus 0.05.
  const gap = Number((level.raise - level.clear).toPrecision(12));
  return { severity: level.severity, above: own, clearBelow: own - gap };
}
