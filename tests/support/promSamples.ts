/**
 * The samples of a Prometheus text exposition (format 0.0.4), each with its labels, read by the
 * spec's line grammar: `name{label="value",…} value [timestamp]`, label values with `\\`, `\"` and
 * `\n` escapes. parse-prometheus-text-format reads the families and their types, but folds a
 * histogram with labels besides `le` into one series, so the tests read per-series values here.
 */
export interface PromSampleLine {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/y;

function labelsOf(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match || LABEL.lastIndex === start) throw new Error(`bad labels in ${JSON.stringify(line)}`);
    labels[match[1]] = match[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** Go's float syntax, as Prometheus reads it: `NaN` in any case (prom-client writes `Nan`), `±Inf`. */
const numberOf = (text: string) => (/^nan$/i.test(text) ? NaN : /^[+-]?inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : text.trim() === '' ? NaN : Number(text));
const isNumber = (text: string) => /^nan$/i.test(text) || !Number.isNaN(numberOf(text));

/** Every sample line; throws on a line that is neither a sample, a comment nor blank. */
export function promSamples(text: string): PromSampleLine[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '' || line.startsWith('#')) return [];
    const match = SAMPLE.exec(line);
    if (!match || !isNumber(match[3])) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    return [{ name: match[1], labels: labelsOf(match[2] ?? '', line), value: numberOf(match[3]) }];
  });
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function sampleSum(samples: readonly PromSampleLine[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
