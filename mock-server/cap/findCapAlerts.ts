/** Every CAP `<alert>` element in a document, wherever it sits (alone, in Atom, RSS or EDXL-DE). */
import type { XmlElement } from './readXmlDocument';
import { capVersionOf } from './validateCapSchema';

export function findCapAlerts(root: XmlElement): XmlElement[] {
  if (root.name === 'alert' && capVersionOf(root) !== undefined) return [root];
  return root.children.flatMap(findCapAlerts);
}
