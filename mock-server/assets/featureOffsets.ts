/**
 * Where each feature of a FeatureCollection starts in the text, found by a small scan of the JSON
 * (strings skipped, nesting counted), so a problem reported at a character offset (check-geojson's)
 * can name its feature by index and line.
 */

export interface FeatureOffsets {
  /** Start offset of each element of the root's `features` array. */
  starts: number[];
  /** Offset of the array's closing bracket (-1 when there is none). */
  end: number;
}

/** The offset of the closing quote of the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return text.length;
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export function featureOffsets(text: string): FeatureOffsets {
  const starts: number[] = [];
  let depth = 0;
  let key: string | null = null;
  let inFeatures = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isSpace(c)) continue;
    if (inFeatures && depth === 2 && expecting && c !== ']') {
      starts.push(i);
      expecting = false;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      let next = end + 1;
      while (next < text.length && isSpace(text[next])) next++;
      if (depth === 1 && text[next] === ':') key = text.slice(i + 1, end);
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      if (c === '[' && depth === 2 && key === 'features') [inFeatures, expecting] = [true, true];
    } else if (c === '}' || c === ']') {
      if (inFeatures && depth === 2) return { starts, end: i };
      depth--;
    } else if (c === ',' && inFeatures && depth === 2) {
      expecting = true;
    }
  }
  return { starts, end: -1 };
}

/** The feature whose text holds `offset`, or undefined when it lies outside every feature. */
export function featureAt(offsets: FeatureOffsets, offset: number): number | undefined {
  if (offsets.starts.length === 0 || offset < offsets.starts[0] || (offsets.end >= 0 && offset > offsets.end)) return undefined;
  let lo = 0;
  let hi = offsets.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A finder of the 1-based line of a character offset (newlines indexed once, for files with many problems). */
export function lineFinder(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
