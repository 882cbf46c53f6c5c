/**
 * Turns a schema-valid `<alert>` element into a {@link CapAlert}, checking what the XSD cannot:
 * required text that is empty, identifiers with the spaces or commas CAP forbids, `references`
 * present and well formed on an Update or Cancel, and the polygon and circle formats.
 */
import type { CapAlert, CapArea, CapInfo, CapReference } from './capAlert';
import { parseCapCircle, parseCapPolygon } from './capGeometry';
import type { CapVersion } from './capSchema';
import type { XmlElement } from './readXmlDocument';

const textOf = (e: XmlElement, name: string): string | null => {
  const child = e.children.find((c) => c.name === name);
  return child === undefined ? null : child.text.trim();
};
const allOf = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name);

function required(e: XmlElement, name: string, path: string, problems: string[]): string {
  const t = textOf(e, name) ?? '';
  if (t === '') problems.push(`${path}/${name}: empty (required)`);
  return t;
}

// CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)".
function token(e: XmlElement, name: string, problems: string[]): string {
  const t = required(e, name, 'alert', problems);
  if (/[\s,<&]/.test(t)) problems.push(`alert/${name}: '${t}' contains a space, comma, < or & (CAP forbids them)`);
  return t;
}

function referencesOf(alert: XmlElement, msgType: string, problems: string[]): CapReference[] {
  const raw = textOf(alert, 'references') ?? '';
  const refs: CapReference[] = [];
  for (const entry of raw.split(/\s+/).filter((s) => s !== '')) {
    const parts = entry.split(',');
    if (parts.length !== 3 || parts.some((p) => p === '')) problems.push(`alert/references: '${entry}' is not sender,identifier,sent`);
    else refs.push({ sender: parts[0]!, identifier: parts[1]!, sent: parts[2]! });
  }
  if ((msgType === 'Update' || msgType === 'Cancel') && refs.length === 0) problems.push(`alert/references: a ${msgType} must name the alert(s) it ${msgType === 'Update' ? 'updates' : 'cancels'}`);
  return refs;
}

function areaOf(area: XmlElement, path: string, problems: string[]): CapArea {
  const geometry = <T>(name: string, parse: (t: string) => T): T[] =>
    allOf(area, name).flatMap((e) => {
      try {
        return [parse(e.text)];
      } catch (error) {
        problems.push(`${path}/${(error as Error).message}`);
        return [];
      }
    });
  return { areaDesc: required(area, 'areaDesc', path, problems), polygons: geometry('polygon', parseCapPolygon), circles: geometry('circle', parseCapCircle) };
}

function infoOf(info: XmlElement, path: string, problems: string[]): CapInfo {
  return {
    language: textOf(info, 'language') ?? 'en-US',
    categories: allOf(info, 'category').map((c) => c.text.trim()),
    event: required(info, 'event', path, problems),
    urgency: textOf(info, 'urgency')!,
    severity: textOf(info, 'severity')!,
    certainty: textOf(info, 'certainty')!,
    headline: textOf(info, 'headline'),
    description: textOf(info, 'description'),
    instruction: textOf(info, 'instruction'),
    senderName: textOf(info, 'senderName'),
    effective: textOf(info, 'effective'),
    onset: textOf(info, 'onset'),
    expires: textOf(info, 'expires'),
    areas: allOf(info, 'area').map((a, i) => areaOf(a, `${path}/area[${i + 1}]`, problems)),
  };
}

/** The alert and the problems found beyond the schema (none when it may be taken). */
export function capAlertOf(alert: XmlElement, version: CapVersion): { alert: CapAlert; problems: string[] } {
  const problems: string[] = [];
  const msgType = textOf(alert, 'msgType')!;
  const parsed: CapAlert = {
    version,
    identifier: token(alert, 'identifier', problems),
    sender: token(alert, 'sender', problems),
    sent: textOf(alert, 'sent')!,
    status: textOf(alert, 'status')!,
    msgType,
    scope: textOf(alert, 'scope')!,
    references: referencesOf(alert, msgType, problems),
    info: allOf(alert, 'info').map((info, i) => infoOf(info, `alert/info[${i + 1}]`, problems)),
  };
  return { alert: parsed, problems };
}
