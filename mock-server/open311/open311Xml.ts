/**
 * The spec's XML form of an Open311 answer: a root element of items, each field an element of its
 * name (`<services><service><service_code>…`), nulls as empty elements, arrays of objects nested
 * under their own item name (a definition's `attributes` → `<attribute>`, `values` → `<value>`).
 */

const ITEM_NAMES: Record<string, string> = { attributes: 'attribute', values: 'value' };

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM_NAMES[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `root` holding one `item` element per entry, with the XML declaration. */
export function open311Xml(root: string, item: string, entries: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${entries.map((e) => element(item, e)).join('')}</${root}>\n`;
}

/** A service definition is one object, not a list: `<service_definition>` with its fields. */
export function open311XmlObject(root: string, value: object): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
