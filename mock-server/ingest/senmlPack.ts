/**
 * A SenML pack (RFC 8428, JSON) resolved to the gate's ParsedReading entries: one entry per record,
 * at the record's index, so the gate's verdict names the record as sent.
 *
 * Resolution follows RFC 8428 §4.6: base fields (bn, bt, bu, bv, bver) hold from the record that sets
 * them to the next that changes them; the name is bn + n; the time is bt + t in seconds, where a
 * result under 2^28 is relative to now (§4.5.3: 0 or no time at all is now, -5 five seconds ago).
 * Names are `<kind>/<assetId>/<measure>`, or `<kind>/<assetId>` for the kind's first measure
 * (ingestChannels.ts). A unit (`u`) must be one the measure accepts and is converted to the
 * measure's own; a state measure takes its state's name as `vs` (or its code as `v`). Sums, booleans
 * and data values describe nothing CityOps reads and are refused, each record with its reason.
 */
import { z } from 'zod';
import { DomainError } from '../domainError';
import { isAssetKind } from './assetLookup';
import type { ParsedReading } from './incomingReading';
import { measureOf } from './ingestChannels';
import { checkBatchSize, describeJson } from './readingPayload';

/** The SenML version this parser reads (RFC 8428 §4.4); a pack of a later one is refused. */
export const SENML_VERSION = 10;
/** Times below this are relative to now (RFC 8428 §4.5.3). */
export const RELATIVE_TIME_LIMIT_S = 2 ** 28;
/** RFC 8428 §4.5.1: a name's characters, starting with a letter or digit. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-:./_]*$/;

const num = (label: string) =>
  z.number({ error: (issue) => `"${label}" must be a finite number, not ${describeJson(issue.input)}` });
const str = (label: string) => z.string({ error: (issue) => `"${label}" must be a string, not ${describeJson(issue.input)}` });

const BaseSchema = z.object({
  bn: str('bn').optional(),
  bt: num('bt').optional(),
  bu: str('bu').optional(),
  bv: num('bv').optional(),
  bs: num('bs').optional(),
  bver: z
    .number({ error: (issue) => `"bver" must be a whole number, not ${describeJson(issue.input)}` })
    .int({ error: (issue) => `"bver" must be a whole number, not ${describeJson(issue.input)}` })
    .optional(),
});

const FieldsSchema = z.object({
  n: str('n').optional(),
  u: str('u').optional(),
  v: num('v').optional(),
  vs: str('vs').optional(),
  vb: z.boolean({ error: (issue) => `"vb" must be true or false, not ${describeJson(issue.input)}` }).optional(),
  vd: str('vd').optional(),
  s: num('s').optional(),
  t: num('t').optional(),
  ut: num('ut').optional(),
});

/** A record with its base fields applied (RFC 8428 §4.6), times in seconds since the epoch. */
export interface ResolvedRecord {
  n: string;
  u?: string;
  v?: number;
  vs?: string;
  vb?: boolean;
  vd?: string;
  s?: number;
  t: number;
}

interface Base {
  bn: string;
  bt: number;
  bu?: string;
  bv: number;
  bs: number;
}

const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'not a SenML record';

/**
 * Resolves each record of a pack (RFC 8428 §4.6) or says why it cannot be. `nowS` is the time
 * relative times count from, in seconds. A record whose base fields cannot be read leaves the base of
 * every later record unknown, so those are refused too rather than read under the wrong name or time.
 */
export function resolveSenmlPack(pack: readonly unknown[], nowS: number): (ResolvedRecord | { error: string })[] {
  checkBatchSize(pack.length);
  const base: Base = { bn: '', bt: 0, bv: 0, bs: 0 };
  let broken: string | undefined;
  return pack.map((raw, index) => {
    if (broken !== undefined) return { error: broken };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `a SenML record is a JSON object, not ${describeJson(raw)}` };
    const baseFields = BaseSchema.safeParse(raw);
    if (!baseFields.success) {
      broken = `record ${index}'s base fields cannot be read, so this record's name and time are unknown`;
      return { error: firstIssue(baseFields.error) };
    }
    const b = baseFields.data;
    if (b.bver !== undefined && b.bver > SENML_VERSION) {
      broken = `the pack is SenML version ${b.bver} (record ${index}); version ${SENML_VERSION} is read`;
      return { error: broken };
    }
    if (b.bn !== undefined) base.bn = b.bn;
    if (b.bt !== undefined) base.bt = b.bt;
    if (b.bu !== undefined) base.bu = b.bu;
    if (b.bv !== undefined) base.bv = b.bv;
    if (b.bs !== undefined) base.bs = b.bs;
    // RFC 8428 §4.4: a label ending in "_" must be understood; none is.
    const mustUnderstand = Object.keys(raw).find((label) => label.endsWith('_'));
    if (mustUnderstand !== undefined) return { error: `"${mustUnderstand}" must be understood (its label ends in "_") and is not` };
    const fields = FieldsSchema.safeParse(raw);
    if (!fields.success) return { error: firstIssue(fields.error) };
    return resolveRecord(fields.data, base, nowS);
  });
}

function resolveRecord(f: z.infer<typeof FieldsSchema>, base: Base, nowS: number): ResolvedRecord | { error: string } {
  const n = base.bn + (f.n ?? '');
  if (n === '') return { error: 'the record has no name (bn + n)' };
  if (!NAME_PATTERN.test(n)) return { error: `the name ${JSON.stringify(n)} is not a SenML name (letters, digits and - : . / _, starting with a letter or digit)` };
  const t = base.bt + (f.t ?? 0);
  const record: ResolvedRecord = { n, t: t < RELATIVE_TIME_LIMIT_S ? nowS + t : t };
  const u = f.u ?? base.bu;
  if (u !== undefined) record.u = u;
  if (f.v !== undefined) record.v = base.bv + f.v;
  if (f.vs !== undefined) record.vs = f.vs;
  if (f.vb !== undefined) record.vb = f.vb;
  if (f.vd !== undefined) record.vd = f.vd;
  if (f.s !== undefined) record.s = base.bs + f.s;
  return record;
}

/** The ParsedReading a resolved record stands for, or why it stands for none. */
export function readingOfRecord(record: ResolvedRecord): ParsedReading {
  if (record.s !== undefined) return { error: 'sums ("s") are not read: send the value itself in "v"' };
  if (record.vb !== undefined) return { error: 'boolean values ("vb") are not read: no measure is a yes or no' };
  if (record.vd !== undefined) return { error: 'data values ("vd") are not read' };
  if (record.v !== undefined && record.vs !== undefined) return { error: 'a record has one value: "v" or "vs", not both' };
  if (record.v === undefined && record.vs === undefined) return { error: 'the record has no value ("v", or "vs" for a state): a record that only sets base fields is not a reading' };
  const parts = record.n.split('/');
  if (parts.length < 2 || parts.some((p) => p === '')) return { error: `the name ${JSON.stringify(record.n)} is not <kind>/<assetId>/<measure> or <kind>/<assetId>` };
  const kind = parts[0];
  const assetId = parts.length === 2 ? parts[1] : parts.slice(1, -1).join('/');
  const measureName = parts.length === 2 ? undefined : parts[parts.length - 1];
  const tMs = Math.round(record.t * 1000);
  const named = measureName === undefined ? {} : { measure: measureName };
  const measure = isAssetKind(kind) ? measureOf(kind, measureName) : undefined;
  // An unknown kind or measure is the gate's to refuse, with the same words as on every other path.
  if (!measure) return { kind, assetId, ...named, tMs, v: record.v ?? Number.NaN };
  const { states, units } = measure.spec;
  let v: number;
  if (record.vs !== undefined) {
    if (!states) return { error: `${kind} ${measure.name} is a number: send it in "v", not "vs"` };
    v = states.indexOf(record.vs);
    if (v < 0) return { error: `${JSON.stringify(record.vs)} is not a ${kind} state: one of ${states.join(', ')}` };
  } else v = record.v!;
  if (record.u !== undefined && (!states || record.u !== '')) {
    const unit = units.find((a) => a.unit === record.u);
    if (!unit) return { error: `${kind} ${measure.name} is not read in ${JSON.stringify(record.u)}: ${units.map((a) => JSON.stringify(a.unit)).join(' or ')}` };
    // To 15 significant digits, all a double holds exactly: 251 cm is 2.51 m, not 2.5100000000000002.
    if (unit.factor !== 1) v = Number((v * unit.factor).toPrecision(15));
  }
  return { kind, assetId, ...named, tMs, v };
}

/** A SenML pack (a JSON array of records) to one ParsedReading per record; `nowMs` is what relative times count from. */
export function parseSenmlPack(pack: unknown, nowMs: number): ParsedReading[] {
  if (!Array.isArray(pack)) throw new DomainError('BAD_REQUEST', `a SenML pack is a JSON array of records, not ${describeJson(pack)}`);
  return resolveSenmlPack(pack, nowMs / 1000).map((r) => ('error' in r ? r : readingOfRecord(r)));
}
