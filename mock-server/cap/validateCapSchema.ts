/**
 * Checks an `<alert>` element against the OASIS XSD of its namespace (as data in capSchema.ts):
 * the children in sequence with their occurrences, the enumerations, dates and numbers. The
 * problems name the element and where it sits (`alert/info[1]/urgency`), like an XSD validator's.
 */
import { ALERT_SEQUENCE, CAP_NAMESPACES, XMLDSIG_NS, type CapVersion, type Particle } from './capSchema';
import type { XmlElement } from './readXmlDocument';

/** The schema verdict on one alert: its CAP version, and its problems (none when valid). */
export interface CapSchemaVerdict {
  version: CapVersion;
  problems: string[];
}

/** The CAP version of an element's namespace, or undefined when it is not a CAP one read here. */
export function capVersionOf(element: XmlElement): CapVersion | undefined {
  return (CAP_NAMESPACES as Record<string, CapVersion>)[element.ns];
}

function checkSequence(element: XmlElement, path: string, sequence: readonly Particle[], ns: string, trailing: (e: XmlElement) => boolean, problems: string[]): void {
  const children = element.children;
  let i = 0;
  for (const particle of sequence) {
    let count = 0;
    while (i < children.length && children[i]!.ns === ns && children[i]!.name === particle.name) {
      const child = children[i]!;
      count += 1;
      if (count <= particle.max) checkElement(child, `${path}/${particle.name}${particle.max > 1 ? `[${count}]` : ''}`, particle, ns, problems);
      i += 1;
    }
    if (count < particle.min) {
      const next = children[i];
      // As an XSD validator does, name the element met where the required one should be, and stop there.
      problems.push(
        next === undefined || trailing(next)
          ? `${path}/${particle.name}: missing (required)`
          : `${path}/${next.name}: not expected here; ${path}/${particle.name} is required before it`,
      );
      return;
    }
    if (count > particle.max) problems.push(`${path}/${particle.name}: appears ${count} times, at most ${particle.max} allowed`);
  }
  for (; i < children.length; i += 1) {
    const child = children[i]!;
    if (trailing(child)) continue;
    const known = sequence.some((p) => p.name === child.name) && child.ns === ns;
    problems.push(`${path}/${child.name}: ${known ? 'out of order (the schema fixes the order of elements)' : `not expected here${child.ns !== ns ? ` (namespace ${child.ns || 'none'})` : ''}`}`);
    // Everything after a stray element is misplaced too in an XSD's eyes; one problem is enough.
    break;
  }
}

function checkElement(element: XmlElement, path: string, particle: Particle, ns: string, problems: string[]): void {
  if (typeof particle.type === 'function') {
    if (element.children.length > 0) {
      problems.push(`${path}: holds elements (<${element.children[0]!.name}>) where text is expected`);
      return;
    }
    const problem = particle.type(element.text);
    if (problem !== null) problems.push(`${path}: ${problem}`);
    return;
  }
  checkSequence(element, path, particle.type, ns, () => false, problems);
}

/** The verdict of the OASIS XSD of `alert`'s namespace; throws nothing. */
export function validateCapSchema(alert: XmlElement, version: CapVersion): CapSchemaVerdict {
  const problems: string[] = [];
  // CAP 1.2 ends the alert with `<any namespace="xmldsig#">` for signatures; CAP 1.1 has no such slot.
  const trailing = version === '1.2' ? (e: XmlElement) => e.ns === XMLDSIG_NS : () => false;
  checkSequence(alert, 'alert', ALERT_SEQUENCE[version], alert.ns, trailing, problems);
  return { version, problems };
}
