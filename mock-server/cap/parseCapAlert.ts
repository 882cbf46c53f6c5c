/**
 * The one entry for a CAP message: bytes in, a {@link CapAlert} or a refusal listing every problem
 * by element. Reads no file and opens no connection (see readXmlDocument.ts).
 */
import type { CapAlert } from './capAlert';
import { capAlertOf } from './capAlertOf';
import { readXmlDocument, XmlRefusal, type XmlElement } from './readXmlDocument';
import { capVersionOf, validateCapSchema } from './validateCapSchema';

export type CapParseResult = { ok: true; alert: CapAlert } | { ok: false; problems: string[] };

/** Parses and validates one CAP 1.1 or 1.2 alert document (its root must be `<alert>`). */
export function parseCapAlert(bytes: Uint8Array): CapParseResult {
  let root;
  try {
    root = readXmlDocument(bytes);
  } catch (error) {
    if (error instanceof XmlRefusal) return { ok: false, problems: [error.message] };
    throw error;
  }
  return parseCapElement(root);
}

/**
 * Validates one `<alert>` element already read (alone, or from an Atom, RSS or EDXL-DE document read
 * by the same safe reader) exactly as a posted document is validated.
 */
export function parseCapElement(root: XmlElement): CapParseResult {
  const version = capVersionOf(root);
  if (root.name !== 'alert' || version === undefined) {
    return { ok: false, problems: [`the root element is <${root.name}>${root.ns ? ` in ${root.ns}` : ''}; expected <alert> in urn:oasis:names:tc:emergency:cap:1.2 (or 1.1)`] };
  }
  const schema = validateCapSchema(root, version);
  if (schema.problems.length > 0) return { ok: false, problems: schema.problems };
  const { alert, problems } = capAlertOf(root, version);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, alert };
}
