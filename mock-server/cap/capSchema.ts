/**
 * The CAP 1.1 and 1.2 XML schemas (OASIS, `../shared/data/cap-1.2/schema/`) as data: each complex
 * element's children in their sequence with min/max occurrences, and the simple types' checks.
 * Written from the XSDs, so the validator reproduces their verdicts without an XSD engine.
 */

/** The CAP namespaces read. CAP 1.0 is not: its feeds have long moved on. */
export const CAP_NAMESPACES = {
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
} as const;
export type CapVersion = (typeof CAP_NAMESPACES)[keyof typeof CAP_NAMESPACES];

/** XML-DSig: CAP 1.2 (only) allows signatures after the last `info`. */
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** A simple type: a check that returns a problem, or null when the text is fine. */
export type SimpleType = (text: string) => string | null;

export interface Particle {
  name: string;
  min: number;
  max: number;
  type: SimpleType | readonly Particle[];
}

const oneOf =
  (...values: string[]): SimpleType =>
  (t) =>
    values.includes(t) ? null : `'${t}' is not one of ${values.join(', ')}`;
const anyString: SimpleType = () => null;
const XS_WS = (t: string) => t.trim();
// xs:dateTime's lexical form; CAP 1.2 narrows it to seconds with a numeric offset (no Z, no fraction).
const XS_DATETIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;
const CAP12_DATETIME = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d$/;
const dateTime =
  (version: CapVersion): SimpleType =>
  (raw) => {
    const t = XS_WS(raw);
    if (!XS_DATETIME.test(t) || Number.isNaN(Date.parse(t.replace(',', '+')))) return `'${t}' is not a date and time`;
    if (version === '1.2' && !CAP12_DATETIME.test(t)) return `'${t}' is not of the form 2003-06-17T14:57:00-07:00 (seconds, a numeric time zone)`;
    return null;
  };
const decimal: SimpleType = (t) => (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(XS_WS(t)) ? null : `'${t}' is not a decimal number`);
const integer: SimpleType = (t) => (/^[+-]?\d+$/.test(XS_WS(t)) ? null : `'${t}' is not an integer`);
const language: SimpleType = (t) => (/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(XS_WS(t)) ? null : `'${t}' is not a language tag`);

const one = (name: string, type: Particle['type']): Particle => ({ name, min: 1, max: 1, type });
const opt = (name: string, type: Particle['type']): Particle => ({ name, min: 0, max: 1, type });
const many = (name: string, type: Particle['type'], min = 0): Particle => ({ name, min, max: Infinity, type });
const PAIR = [one('valueName', anyString), one('value', anyString)];

function alertSequence(version: CapVersion): readonly Particle[] {
  const time = dateTime(version);
  const responseTypes = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Monitor', 'Assess', 'None', ...(version === '1.2' ? ['Avoid', 'AllClear'] : [])];
  const info: Particle[] = [
    opt('language', language),
    many('category', oneOf('Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'), 1),
    one('event', anyString),
    many('responseType', oneOf(...responseTypes)),
    one('urgency', oneOf('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    one('severity', oneOf('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    one('certainty', oneOf('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    opt('audience', anyString),
    many('eventCode', PAIR),
    opt('effective', time),
    opt('onset', time),
    opt('expires', time),
    opt('senderName', anyString),
    opt('headline', anyString),
    opt('description', anyString),
    opt('instruction', anyString),
    opt('web', anyString),
    opt('contact', anyString),
    many('parameter', PAIR),
    many('resource', [one('resourceDesc', anyString), (version === '1.2' ? one : opt)('mimeType', anyString), opt('size', integer), opt('uri', anyString), opt('derefUri', anyString), opt('digest', anyString)]),
    many('area', [
      one('areaDesc', anyString),
      many('polygon', anyString),
      many('circle', anyString),
      many('geocode', PAIR),
      opt('altitude', version === '1.2' ? decimal : anyString),
      opt('ceiling', version === '1.2' ? decimal : anyString),
    ]),
  ];
  return [
    one('identifier', anyString),
    one('sender', anyString),
    one('sent', time),
    one('status', oneOf('Actual', 'Exercise', 'System', 'Test', 'Draft')),
    one('msgType', oneOf('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
    opt('source', anyString),
    one('scope', oneOf('Public', 'Restricted', 'Private')),
    opt('restriction', anyString),
    opt('addresses', anyString),
    many('code', anyString),
    opt('note', anyString),
    opt('references', anyString),
    opt('incidents', anyString),
    many('info', info),
  ];
}

/** The `alert` element's content model per version. */
export const ALERT_SEQUENCE: Readonly<Record<CapVersion, readonly Particle[]>> = { '1.1': alertSequence('1.1'), '1.2': alertSequence('1.2') };
