/**
 * The simulated 上海中心气象台 speaks CAP 1.2: each change the warning office makes (rules/weatherOffice.ts)
 * becomes a CAP document that goes through the same ingest as `POST /api/ingest/cap`, so the wall's
 * warnings come from CAP in every mode. The first signal of an event is an Alert; an upgrade,
 * downgrade, renewal or extension an Update referencing the alert in force; lifting or lapsing a
 * Cancel referencing it. Identifiers are deterministic (event and sent time), times are the city's
 * (simulated) clock in China Standard Time, and each alert carries a Chinese and an English info
 * with the signal's severity, urgency and certainty and the affected districts' outlines (a
 * city-wide signal is named, not outlined). Pure.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { DistrictRef } from '../../src/protocol/assets';
import type { WarningEvent, WarningLevel, WeatherWarning } from '../../src/protocol/weatherWarnings';
import type { CityGeo } from '../city/cityGeo';
import { EVENT_ZH, LEVEL_ZH } from '../rules/weatherOffice';
import type { CapWarnings } from './capWarnings';
import { districtOutlines } from './districtOutlines';

/** The office's CAP sender (CAP: an unambiguous id, no spaces or commas). */
export const OFFICE_SENDER = 'sh-observatory@cma.gov.cn';
export const OFFICE_NAME_ZH = '上海中心气象台';
export const OFFICE_NAME_EN = 'Shanghai Central Meteorological Observatory';
/** The book's source name for the office's alerts. */
export const OFFICE_SOURCE = 'simulator';

const CAP12_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
/** Shanghai's GB/T 2260 code, the geocode of a city-wide signal. */
const SHANGHAI_CODE = '310000';
const CST_MS = 8 * 3_600_000;

/** CAP's dateTime in China Standard Time, to the second: 2026-07-15T14:10:00+08:00. */
export const capTimeCst = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000 + CST_MS).toISOString().slice(0, 19)}+08:00`;

/** The signal colour's CAP severity (Minor blue … Extreme red), as cap/capWarning.ts reads it back. */
export const LEVEL_SEVERITY: Record<WarningLevel, string> = { blue: 'Minor', yellow: 'Moderate', orange: 'Severe', red: 'Extreme' };
const LEVEL_URGENCY: Record<WarningLevel, string> = { blue: 'Expected', yellow: 'Expected', orange: 'Immediate', red: 'Immediate' };
const LEVEL_CERTAINTY: Record<WarningLevel, string> = { blue: 'Likely', yellow: 'Likely', orange: 'Likely', red: 'Observed' };
const LEVEL_RESPONSE: Record<WarningLevel, string> = { blue: 'Monitor', yellow: 'Prepare', orange: 'Prepare', red: 'Execute' };

/** A district as the office's alerts name and outline it. */
export interface OfficeDistrict {
  ref: DistrictRef;
  /** Closed ring of [lon, lat], WGS 84 (cap/districtOutlines.ts). */
  outline: [number, number][];
}

/** The city's districts (in the order of its DistrictRefs, which the office's indices follow) with their outlines. */
export function officeDistrictsOf(geo: CityGeo, refs: readonly DistrictRef[]): OfficeDistrict[] {
  const outlines = districtOutlines(geo.districts);
  return refs.map((ref, i) => ({ ref, outline: outlines[i]! }));
}

/** Keys of the office's alerts of `event` on the wall (restored from storage after a restart or a rebuild). */
export function officeKeysInForce(cap: Pick<CapWarnings, 'active'>, event: WarningEvent): string[] {
  const prefix = `cap:${OFFICE_SENDER},`;
  return cap.active().filter((w) => w.event === event && w.id.startsWith(prefix)).map((w) => w.id.slice('cap:'.length));
}

const BUILDER = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });
const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export class OfficeCapWriter {
  /** Per event, the key (sender,identifier,sent) of the office's alert in force. */
  private readonly inForceKey = new Map<WarningEvent, string>();

  /**
   * `restored(event)`: keys of the office's alerts of `event` on the wall that this writer did not
   * write (a restart or a rebuilt city): its next alert of that event updates them instead of standing beside them.
   */
  constructor(
    private readonly districts: readonly OfficeDistrict[],
    private readonly restored: (event: WarningEvent) => string[] = () => [],
  ) {}

  /** The CAP document for one change of the office at city time `now`; null for a lifting with nothing in force to cancel. */
  write(change: WeatherWarning, now: number): string | null {
    const { event, level } = change;
    if (event === 'other') return null;
    const known = this.inForceKey.get(event);
    const references = known === undefined ? this.restored(event) : [known];
    const cancel = change.state === 'cancelled';
    if (cancel && references.length === 0) return null;
    const msgType = cancel ? 'Cancel' : references.length > 0 ? 'Update' : 'Alert';
    const sent = capTimeCst(now);
    const identifier = `SHMO-${event.toUpperCase()}-${sent.slice(0, 19).replace(/[-:]/g, '')}`;
    if (cancel) this.inForceKey.delete(event);
    else this.inForceKey.set(event, `${OFFICE_SENDER},${identifier},${sent}`);
    const covered = change.districts.length === 0 ? this.districts : change.districts.map((d) => this.districts[d]!).filter(Boolean);
    const whole = covered.length === this.districts.length;
    // A signal for the whole city is named, not outlined: tinting all of Shanghai on the map would say nothing the header does not.
    const area = (zh: boolean) =>
      whole
        ? { areaDesc: zh ? '上海市' : 'Shanghai', geocode: { valueName: 'GB/T 2260', value: SHANGHAI_CODE } }
        : {
            areaDesc: covered.map((d) => (zh ? d.ref.name : d.ref.nameEn)).join(zh ? '、' : ', '),
            polygon: covered.map((d) => d.outline.map(([lon, lat]) => `${lat},${lon}`).join(' ')),
            geocode: covered.map((d) => ({ valueName: 'GB/T 2260', value: d.ref.code })),
          };
    const info = (zh: boolean) => ({
      language: zh ? 'zh-CN' : 'en-US',
      category: 'Met',
      event: zh ? `${EVENT_ZH[event]}${LEVEL_ZH[level]}预警` : `${capitalised(level)} ${capitalised(event)} Warning`,
      responseType: cancel ? 'AllClear' : LEVEL_RESPONSE[level],
      urgency: cancel ? 'Past' : LEVEL_URGENCY[level],
      severity: LEVEL_SEVERITY[level],
      certainty: cancel ? 'Observed' : LEVEL_CERTAINTY[level],
      effective: capTimeCst(cancel ? now : change.issuedAt),
      expires: capTimeCst(cancel ? now : change.expiresAt),
      senderName: zh ? OFFICE_NAME_ZH : OFFICE_NAME_EN,
      headline: zh ? change.headline : change.headlineEn,
      area: area(zh),
    });
    return BUILDER.build({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      alert: {
        '@_xmlns': CAP12_NS,
        identifier,
        sender: OFFICE_SENDER,
        sent,
        status: 'Actual',
        msgType,
        scope: 'Public',
        ...(references.length > 0 && { references: references.join(' ') }),
        info: [info(true), info(false)],
      },
    }) as string;
  }
}
