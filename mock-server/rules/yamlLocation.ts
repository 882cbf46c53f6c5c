/**
 * Where a field of a parsed YAML (or JSON) document sits in its file, so a validation error can say
 * `rules.yaml:14 rules[2].levels[0].clear`. A path that leads nowhere (a missing field) is placed on
 * the nearest enclosing node that exists.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type FieldPath = readonly PropertyKey[];

/** `rules[2].levels[0].clear`: indices in brackets, names after dots. */
export function formatPath(path: FieldPath): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`)).join('');
}

/** The 1-based line of the field at `path` (its key, where it is a map entry), or of its nearest existing parent. */
export function lineOf(doc: Document, lines: LineCounter, path: FieldPath): number {
  let node: unknown = doc.contents;
  let at = rangeStart(node) ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      at = rangeStart(pair.key) ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      at = rangeStart(node) ?? at;
    } else {
      break;
    }
  }
  return lines.linePos(at).line;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
