/**
 * The rules file's format (docs/ingest.md, "Rules file"): what a city writes, checked field by field
 * and across fields. The schema keeps the file's own spelling (durations stay "5m"), so what
 * `GET /api/rules` shows is what the city wrote; compileRules turns it into the engine's rules.
 * Every object is strict: an unknown field is an error, not a silently ignored typo.
 */
import { z } from 'zod';
import { MUCK_TRUCK_STATES, PUMP_STATES } from '../../src/protocol/assets';
import { CHANNEL_IDS, CHANNELS, type ChannelId } from '../../src/protocol/channels';
import { INCIDENT_CATEGORIES, SEVERITIES, SEVERITY_RANK } from '../../src/protocol/cityEvents';
import { ASSET_THRESHOLD_NAMES, RULE_KINDS } from './ruleSites';

/** The format's version; a file says which one it is written in. */
export const RULES_FILE_VERSION = 1 as const;

/** Channels whose values are state codes, with the state names a file uses for them. */
export const STATE_NAMES: Partial<Record<ChannelId, readonly string[]>> = { 'pump.state': PUMP_STATES, 'truck.state': MUCK_TRUCK_STATES };

/** Position channels: a rule on one is a geofence (`offRoute` or `dumpOffSite`). */
export const POSITION_CHANNEL_IDS: readonly ChannelId[] = ['truck.pos'];

/** The geofences a rule may draw, with the size each one takes (metres) and the per-asset column that replaces it. */
export const GEOFENCES = {
  offRoute: { size: 'corridor', column: 'corridor' },
  dumpOffSite: { size: 'radius', column: 'dumpRadius' },
} as const;
export type GeofenceName = keyof typeof GEOFENCES;

const DURATION = /^(\d+(?:\.\d+)?)(s|m|h)$/;
const DURATION_MESSAGE = 'must be a duration such as 90s, 5m or 1h';
const UNIT_S = { s: 1, m: 60, h: 3600 } as const;

/** Seconds in a duration the schema accepted ("90s", "5m", "1.5h"). */
export function durationS(text: string): number {
  const [, amount, unit] = DURATION.exec(text)!;
  return Number(amount) * UNIT_S[unit as keyof typeof UNIT_S];
}

const oneOf = (values: readonly string[]) => () => `must be one of ${values.join(', ')}`;
const Duration = z.string({ error: () => DURATION_MESSAGE }).regex(DURATION, DURATION_MESSAGE);
const Severity = z.enum(SEVERITIES, { error: oneOf(SEVERITIES) });
const Threshold = z.number();

const LevelSchema = z.strictObject({
  severity: Severity,
  /** Raised at this value or more… */
  raise: Threshold,
  /** …and, once raised, cleared only below this one. */
  clear: Threshold,
  /** A per-asset threshold column whose value, where an asset has one, replaces `raise`; `clear` keeps its distance below. */
  assetThreshold: z.string().min(1).optional(),
});

const RateOfRiseSchema = z.strictObject({
  perMinute: z.number().positive(),
  over: Duration,
  /** Only once the value is at least this much (a rise from dry to 2 cm is not a danger). */
  from: Threshold,
  severity: Severity,
  /** The latched alarm clears once the rolling mean is below this. */
  clear: Threshold,
});

/** Metres: a corridor either side of a route, or a radius round a place. */
const Metres = z.number().positive().max(50_000);

const GeofenceSchema = <K extends string>(size: K) =>
  z.strictObject({
    ...({ [size]: Metres } as Record<K, typeof Metres>),
    severity: Severity,
    /** A per-asset column (the registry's own size) that replaces the rule's where an asset has it. */
    assetThreshold: z.string().min(1).optional(),
  });

const PendingSchema = z
  .strictObject({ samples: z.number().int().min(1).optional(), for: Duration.optional() })
  .refine((p) => (p.samples === undefined) !== (p.for === undefined), 'give either samples or for');

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'),
    kind: z.enum(RULE_KINDS, { error: oneOf(RULE_KINDS) }),
    /** Only these assets of the kind (default: every one). */
    assets: z.array(z.string().min(1)).min(1, 'must list at least one asset id').optional(),
    channel: z.enum(CHANNEL_IDS, { error: oneOf(CHANNEL_IDS) }),
    levels: z.array(LevelSchema).min(1, 'must list at least one level').optional(),
    states: z.record(z.string(), Severity).optional(),
    noDataStates: z.array(z.string()).optional(),
    window: Duration.optional(),
    pending: PendingSchema.optional(),
    rateOfRise: RateOfRiseSchema.optional(),
    noData: Duration.optional(),
    incident: z.strictObject({ category: z.enum(INCIDENT_CATEGORIES, { error: oneOf(INCIDENT_CATEGORIES) }), at: Severity }).optional(),
    closesRoads: z.boolean().optional(),
    /** A muck truck farther than `corridor` metres from its permitted route. */
    offRoute: GeofenceSchema('corridor').optional(),
    /** A muck truck unloading farther than `radius` metres from its disposal site. */
    dumpOffSite: GeofenceSchema('radius').optional(),
  })
  .superRefine(checkRule);

export const RulesFileSchema = z
  .strictObject({
    version: z.literal(RULES_FILE_VERSION, { error: () => `must be ${RULES_FILE_VERSION}` }),
    rules: z.array(RuleSchema),
  })
  .superRefine((file, ctx) => {
    const first = new Map<string, number>();
    file.rules.forEach((rule, i) => {
      const seen = first.get(rule.id);
      if (seen === undefined) first.set(rule.id, i);
      else ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `"${rule.id}" is already the id of rules[${seen}]` });
    });
  });

export type LevelSpec = z.infer<typeof LevelSchema>;
export type RuleSpec = z.infer<typeof RuleSchema>;
export type RulesFileSpec = z.infer<typeof RulesFileSchema>;

type Issue = (path: (string | number)[], message: string) => void;

function checkRule(rule: RuleSpec, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const kindChannels = CHANNEL_IDS.filter((id) => CHANNELS[id].kind === rule.kind);
  if (CHANNELS[rule.channel].kind !== rule.kind) issue(['channel'], `must be a channel of ${rule.kind}: ${kindChannels.join(', ')}`);
  const states = STATE_NAMES[rule.channel];
  const fences = (Object.keys(GEOFENCES) as GeofenceName[]).filter((name) => rule[name] !== undefined);
  if (POSITION_CHANNEL_IDS.includes(rule.channel)) checkGeofenceRule(rule, fences, issue);
  else {
    for (const name of fences) issue([name], `is for position channels (${POSITION_CHANNEL_IDS.join(', ')}); ${rule.channel} is not one`);
    if (states) checkStateRule(rule, states, issue);
    else checkThresholdRule(rule, issue);
  }
  rule.assets?.forEach((id, i) => {
    if (rule.assets!.indexOf(id) !== i) issue(['assets', i], `"${id}" is listed twice`);
  });
  if (rule.closesRoads && rule.kind !== 'underpass') issue(['closesRoads'], 'only underpass rules close roads (a closure is issued per underpass)');
}

function checkGeofenceRule(rule: RuleSpec, fences: GeofenceName[], issue: Issue): void {
  if (fences.length !== 1) issue([fences[1] ?? 'channel'], fences.length ? 'give one geofence per rule: offRoute or dumpOffSite' : `${rule.channel} is a position channel: give offRoute or dumpOffSite`);
  const why = `is not for geofences (${fences.join(', ') || 'offRoute, dumpOffSite'})`;
  for (const field of ['levels', 'states', 'noDataStates', 'window', 'rateOfRise', 'noData', 'closesRoads'] as const) if (rule[field] !== undefined) issue([field], why);
  const columns = ASSET_THRESHOLD_NAMES[rule.kind];
  for (const name of fences) {
    const own = rule[name]!.assetThreshold;
    if (own !== undefined && own !== GEOFENCES[name].column) issue([name, 'assetThreshold'], `${rule.kind} assets have no per-asset ${name} size "${own}" (${columns.includes(GEOFENCES[name].column) ? `use ${GEOFENCES[name].column}` : 'they have none'})`);
  }
}

function checkStateRule(rule: RuleSpec, names: readonly string[], issue: Issue): void {
  const why = `is for threshold channels; ${rule.channel} is a state channel (use states)`;
  for (const field of ['levels', 'window', 'rateOfRise', 'closesRoads'] as const) if (rule[field] !== undefined) issue([field], why);
  if (!rule.states) issue(['states'], `is required for ${rule.channel}: state name → severity`);
  const known = (name: string) => names.includes(name);
  for (const name of Object.keys(rule.states ?? {})) if (!known(name)) issue(['states', name], `no such state of ${rule.channel}: must be one of ${names.join(', ')}`);
  rule.noDataStates?.forEach((name, i) => {
    if (!known(name)) issue(['noDataStates', i], `no such state of ${rule.channel}: must be one of ${names.join(', ')}`);
  });
}

function checkThresholdRule(rule: RuleSpec, issue: Issue): void {
  const stateChannels = Object.keys(STATE_NAMES).join(', ');
  for (const field of ['states', 'noDataStates'] as const) if (rule[field] !== undefined) issue([field], `is for state channels (${stateChannels})`);
  if (!rule.levels) {
    issue(['levels'], 'is required: at least one level with severity, raise and clear');
    return;
  }
  const columns = ASSET_THRESHOLD_NAMES[rule.kind];
  rule.levels.forEach((level, i) => {
    if (level.clear >= level.raise) issue(['levels', i, 'clear'], `must be below raise (${level.raise})`);
    if (level.assetThreshold !== undefined && !columns.includes(level.assetThreshold)) {
      const have = columns.length ? `they have ${columns.join(', ')}` : 'they have none';
      issue(['levels', i, 'assetThreshold'], `${rule.kind} assets have no per-asset threshold "${level.assetThreshold}" (${have})`);
    }
    const before = rule.levels![i - 1];
    if (!before) return;
    if (level.raise <= before.raise) issue(['levels', i, 'raise'], `must be above levels[${i - 1}].raise (${before.raise})`);
    if (SEVERITY_RANK[level.severity] >= SEVERITY_RANK[before.severity]) issue(['levels', i, 'severity'], `must be more severe than levels[${i - 1}].severity (${before.severity})`);
  });
  if (rule.rateOfRise && rule.rateOfRise.clear >= rule.rateOfRise.from) issue(['rateOfRise', 'clear'], `must be below from (${rule.rateOfRise.from})`);
}
