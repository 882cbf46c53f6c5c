/**
 * The webhooks file (`CITYOPS_WEBHOOKS_FILE`): YAML or JSON, read at start like the rules file
 * (rules/ruleBook.ts), every problem reported as `file:line field: message`, all at once, and the
 * server refuses to start on any. Its webhooks replace those of origin 'file' in storage on each start.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { formatPath, lineOf } from '../rules/yamlLocation';
import { WebhooksFileSchema, type WebhooksFile } from './webhookSchemas';

/** A webhooks file that cannot be used: one line per problem, each naming the file, line and field. */
export class WebhooksFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'WebhooksFileError';
  }
}

/** Parses and validates a webhooks file's text; `name` is how messages call the file. */
export function parseWebhooksFile(text: string, name: string): WebhooksFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new WebhooksFileError(doc.errors.map((e) => `${name}:${lines.linePos(e.pos[0]).line} ${e.message}`));
  const data: unknown = doc.toJS();
  const parsed = WebhooksFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field' }))
      : [{ path: issue.path, message: issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined ? 'is required' : issue.message }],
  );
  const located = problems.map((p) => ({ line: lineOf(doc, lines, p.path), text: `${name}:${lineOf(doc, lines, p.path)} ${formatPath(p.path) || '(file)'}: ${p.message}` }));
  throw new WebhooksFileError(located.sort((a, b) => a.line - b.line).map((p) => p.text));
}

/** Reads and validates the webhooks file at `path`. */
export function loadWebhooksFile(path: string): WebhooksFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new WebhooksFileError([`${path}: cannot read the webhooks file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseWebhooksFile(text, path);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const seg of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  return value;
}
