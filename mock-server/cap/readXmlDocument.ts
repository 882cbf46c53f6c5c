/**
 * Reads an XML document into a namespaced element tree, with every door to the outside shut: a
 * DOCTYPE (and so any DTD, entity declaration, external entity or parameter entity) is refused
 * before parsing, fast-xml-parser is told to expand no entities (`processEntities: false`), and
 * only XML's five predefined entities and character references are decoded here. The parser does
 * no I/O of its own, so XInclude, xsi:schemaLocation and stylesheet instructions stay inert text.
 * The bytes are decoded as the prolog declares (UTF-8 or ISO-8859-1; CAP feeds use both).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element, its namespace resolved from the xmlns declarations in scope. */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own character data, entities decoded, children's text not included. */
  text: string;
}

/** A document that is not one we read: the message says why. */
export class XmlRefusal extends Error {}

/** Refuse a document bigger than this before looking at it (the routes have their own limit too). */
export const MAX_XML_BYTES = 2 * 1024 * 1024;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; any other `&name;` is refused. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const known = PREDEFINED[ref];
    if (known === undefined) throw new XmlRefusal(`the entity &${ref}; is not defined (entities other than XML's own are not read)`);
    return known;
  });
}

/** The encoding the XML declaration names, lower-cased; UTF-8 when there is none. */
function declaredEncoding(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return (m?.[1] ?? 'utf-8').toLowerCase();
}

/** The document's text, decoded as its prolog declares. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const encoding = declaredEncoding(bytes);
  if (encoding === 'utf-8' || encoding === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new XmlRefusal('the body is not valid UTF-8 (declare encoding="ISO-8859-1" in the XML prolog if it is Latin-1)');
    }
  }
  // WHATWG maps the ISO-8859-1 label to windows-1252, a superset for every byte CAP text uses.
  if (encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'us-ascii') return new TextDecoder('latin1').decode(bytes);
  throw new XmlRefusal(`the encoding ${encoding} is not read; send UTF-8 or ISO-8859-1`);
}

type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode, scope: ReadonlyMap<string, string>): XmlElement {
  const attrsIn = (node[':@'] ?? {}) as Record<string, string>;
  const qname = Object.keys(node).find((k) => k !== ':@')!;
  const declares = Object.keys(attrsIn).some((a) => a === 'xmlns' || a.startsWith('xmlns:'));
  // A copy only where this element declares namespaces: its children see them, its siblings do not.
  const inner = declares ? new Map(scope) : scope;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsIn)) {
    const value = decodeEntities(v);
    if (k === 'xmlns') (inner as Map<string, string>).set('', value);
    else if (k.startsWith('xmlns:')) (inner as Map<string, string>).set(k.slice(6), value);
    else attrs[k] = value;
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = inner.get(prefix);
  if (prefix !== '' && ns === undefined) throw new XmlRefusal(`the namespace prefix ${prefix}: of <${qname}> is not declared`);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of node[qname] as OrderedNode[]) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if (!('#comment' in child) && !Object.keys(child).some((k) => k.startsWith('?'))) children.push(toElement(child, inner));
  }
  return { ns: ns ?? '', name: colon < 0 ? qname : qname.slice(colon + 1), attrs, children, text };
}

/**
 * Parses `bytes` into its root element, or throws {@link XmlRefusal} saying why not: too big, an
 * unread encoding, a DOCTYPE, not well-formed, an undefined entity or namespace prefix.
 */
export function readXmlDocument(bytes: Uint8Array): XmlElement {
  if (bytes.byteLength > MAX_XML_BYTES) throw new XmlRefusal(`the document is over ${MAX_XML_BYTES} bytes`);
  const xml = decodeXmlBytes(bytes);
  // Refused, not skipped: a DTD is where external entities, remote DTDs and entity bombs live, and CAP needs none.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new XmlRefusal('the document has a DOCTYPE (a DTD or entity declarations); CAP needs none and they are not read');
  const wellFormed = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (wellFormed !== true) throw new XmlRefusal(`the XML is not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
  const nodes = PARSER.parse(xml) as OrderedNode[];
  const roots = nodes.filter((n) => !('#text' in n) && !('#comment' in n) && !Object.keys(n).some((k) => k.startsWith('?')));
  if (roots.length !== 1) throw new XmlRefusal('the document must have exactly one root element');
  return toElement(roots[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}
