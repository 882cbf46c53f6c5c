/**
 * The alarm rules in force, read from a provisioning file (`CITYOPS_RULES_FILE` / `--rules-file`) or
 * the built-in default (default-rules.yaml beside this file). YAML or JSON (JSON is YAML 1.2), parsed
 * with its line numbers kept, so every problem is reported as `file:line field: message`, all of them
 * at once, and the server refuses to start on any.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { RulesFileSchema, type RuleSpec } from './rulesFileSchema';
import { formatPath, lineOf, type FieldPath } from './yamlLocation';

/** Where the built-in rules come from, as `GET /api/rules` reports it. */
export const BUILT_IN_SOURCE = 'built-in default';

const DEFAULT_FILE = new URL('./default-rules.yaml', import.meta.url);

export interface RuleBook {
  /** The file's absolute path, or {@link BUILT_IN_SOURCE}. */
  source: string;
  /** The rules as the file writes them, in order. */
  rules: RuleSpec[];
  /** `file:line field`, for problems found later (asset ids are checked against the catalogue). */
  where(path: FieldPath): string;
}

/** A rules file that cannot be used: one line per problem, each naming the file, line and field. */
export class RulesFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RulesFileError';
  }
}

const TYPE_NAMES: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a mapping' };

/** Parses and validates a rules file's text; `name` is how messages call the file. */
export function parseRuleBook(text: string, name: string, source = name): RuleBook {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new RulesFileError(doc.errors.map((e) => `${name}:${lines.linePos(e.pos[0]).line} ${e.message}`));
  const data: unknown = doc.toJS();
  const where = (path: FieldPath) => `${name}:${lineOf(doc, lines, path)} ${formatPath(path) || '(file)'}`;
  const parsed = RulesFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field' }))
        : [{ path: issue.path, message: messageOf(issue, data) }],
    );
    const located = problems.map((p) => ({ line: lineOf(doc, lines, p.path), text: `${where(p.path)}: ${p.message}` }));
    throw new RulesFileError(located.sort((a, b) => a.line - b.line).map((p) => p.text));
  }
  return { source, rules: parsed.data.rules, where };
}

/** Reads and validates the rules file at `path`. */
export function loadRuleBook(path: string): RuleBook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RulesFileError([`${path}: cannot read the rules file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseRuleBook(text, path, resolve(path));
}

/** The built-in rules: today's thresholds (src/domain/thresholds.ts) and each water gauge's own lines. */
export function defaultRuleBook(): RuleBook {
  return parseRuleBook(readFileSync(DEFAULT_FILE, 'utf8'), 'default-rules.yaml', BUILT_IN_SOURCE);
}

/** zod's wording, shortened for a person editing a file: a missing field is "required", a wrong type says what is wanted. */
function messageOf(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code !== 'custom' && issue.path.length > 0 && valueAt(data, issue.path) === undefined) return 'is required';
  if (issue.code !== 'invalid_type') return issue.message;
  return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const seg of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  return value;
}
