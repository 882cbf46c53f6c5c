/**
 * The entries of a CAP feed as the poller reads them: Atom (`<feed><entry>`) and RSS 2.0
 * (`<rss><channel><item>`), each entry with the CAP alerts it embeds and, where it embeds none, the
 * links to its CAP document (Atom `<link>` typed application/cap+xml, else its alternate link; RSS
 * `<enclosure>` typed so, else `<link>`). A document that is neither (a lone `<alert>`, EDXL-DE) is
 * one entry of the alerts in it. Pure: the document was read by the safe reader (readXmlDocument.ts).
 */
import { findCapAlerts } from './findCapAlerts';
import type { XmlElement } from './readXmlDocument';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface FeedEntry {
  /** The entry's id (Atom id, RSS guid, else its link): with `updated`, what marks it seen. */
  id: string;
  /** Atom updated / RSS pubDate, as written ('' when none). */
  updated: string;
  /** CAP `<alert>` elements inside the entry. */
  alerts: XmlElement[];
  /** Where the entry's CAP document is, as written (resolved by the poller), when it embeds none. */
  links: string[];
}

const childText = (e: XmlElement, name: string, ns?: string) => e.children.find((c) => c.name === name && (ns === undefined || c.ns === ns))?.text.trim() ?? '';
const isCapType = (type: string | undefined) => type !== undefined && /cap\+xml|\bcap\b/i.test(type);

function atomEntry(entry: XmlElement): FeedEntry {
  const links = entry.children.filter((c) => c.name === 'link' && c.ns === ATOM_NS && c.attrs.href);
  const typed = links.filter((l) => isCapType(l.attrs.type));
  const alternate = links.filter((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  return {
    id: childText(entry, 'id', ATOM_NS),
    updated: childText(entry, 'updated', ATOM_NS),
    alerts: findCapAlerts(entry),
    links: (typed.length > 0 ? typed : alternate).map((l) => l.attrs.href!.trim()),
  };
}

function rssItem(item: XmlElement): FeedEntry {
  const enclosures = item.children.filter((c) => c.name === 'enclosure' && c.attrs.url && isCapType(c.attrs.type));
  const link = childText(item, 'link');
  const links = enclosures.length > 0 ? enclosures.map((e) => e.attrs.url!.trim()) : link ? [link] : [];
  return { id: childText(item, 'guid') || link, updated: childText(item, 'pubDate'), alerts: findCapAlerts(item), links };
}

/** The entries of a feed document's root element. */
export function feedEntries(root: XmlElement): FeedEntry[] {
  if (root.name === 'feed' && root.ns === ATOM_NS) return root.children.filter((c) => c.name === 'entry' && c.ns === ATOM_NS).map(atomEntry);
  if (root.name === 'rss') return root.children.filter((c) => c.name === 'channel').flatMap((ch) => ch.children.filter((c) => c.name === 'item').map(rssItem));
  const alerts = findCapAlerts(root);
  return alerts.length === 0 ? [] : [{ id: '', updated: '', alerts, links: [] }];
}

/** Whether the document is a feed the poller reads (Atom, RSS) or holds CAP alerts at all. */
export function isFeedDocument(root: XmlElement): boolean {
  return (root.name === 'feed' && root.ns === ATOM_NS) || root.name === 'rss' || findCapAlerts(root).length > 0;
}
