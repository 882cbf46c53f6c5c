/**
 * The path of the value at a character offset in a JSON text (`geometry.coordinates.0.3`), found by
 * scanning from where an enclosing object starts (a feature's `{`, featureOffsets.ts): so a problem
 * check-geojson reports at an offset names its field, as the registry's own problems do.
 */

/** One open container: an object's current key, or an array's current index. */
type Frame = { key: string | null } | { index: number };

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** The offset of the closing quote of the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return text.length;
}

/**
 * The path, from the object opening at `from`, to the value at `offset` (a container's path where
 * the offset is at its opening bracket); '' when the offset is not inside that object's members.
 */
export function jsonPathAt(text: string, from: number, offset: number): string {
  const stack: Frame[] = [];
  // True between an object's `{` or `,` and the colon after the next key.
  let expectingKey = false;
  for (let i = from; i < offset && i < text.length; i++) {
    const c = text[i];
    if (isSpace(c)) continue;
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top && 'key' in top && expectingKey) top.key = text.slice(i + 1, end);
      i = end;
    } else if (c === ':') {
      expectingKey = false;
    } else if (c === '{') {
      stack.push({ key: null });
      expectingKey = true;
    } else if (c === '[') {
      stack.push({ index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return '';
    } else if (c === ',' && top) {
      if ('index' in top) top.index++;
      else [top.key, expectingKey] = [null, true];
    }
  }
  const parts: string[] = [];
  for (const f of stack) {
    const part = 'index' in f ? String(f.index) : f.key;
    if (part === null) break;
    parts.push(part);
  }
  return parts.join('.');
}
