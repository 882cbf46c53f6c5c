/**
 * A service request's attribute answers (`attribute[code]=value`), checked against the service's
 * definition and written out as lines the desk reads under the report's description.
 */
import { open311ServiceDefinition } from './open311Services';

export type AttributeAnswers = Record<string, string | string[]>;

/** The answers of a request body: `attribute[code]` fields (form or JSON) and an `attribute` object (JSON). */
export function attributeAnswersOf(body: Record<string, unknown>): AttributeAnswers {
  const answers: AttributeAnswers = {};
  const put = (code: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') answers[code] = String(value);
    else if (Array.isArray(value)) answers[code] = value.map(String);
  };
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [code, value] of Object.entries(nested)) put(code, value);
  for (const [field, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(field);
    if (match) put(match[1], value);
  }
  return answers;
}

/**
 * Checks the answers against the service's attributes: every required one given, list answers among
 * its keys, numbers numbers, no unknown codes. Returns the problems (empty: fine) and the lines to
 * add to the description.
 */
export function checkAttributes(serviceCode: string, answers: AttributeAnswers): { problems: string[]; lines: string[] } {
  const attributes = open311ServiceDefinition(serviceCode)?.attributes ?? [];
  const problems: string[] = [];
  const lines: string[] = [];
  for (const code of Object.keys(answers)) if (!attributes.some((a) => a.code === code)) problems.push(`attribute[${code}]: service ${serviceCode} has no such attribute`);
  for (const a of attributes) {
    const given = answers[a.code];
    const values = given === undefined ? [] : [given].flat().map((v) => v.trim()).filter((v) => v !== '');
    if (!values.length) {
      if (a.required) problems.push(`attribute[${a.code}] is required: ${a.description}`);
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1) problems.push(`attribute[${a.code}] takes one value`);
    else if (a.values && values.some((v) => !a.values!.some((k) => k.key === v))) problems.push(`attribute[${a.code}] must be one of ${a.values.map((k) => k.key).join(', ')}`);
    else if (a.datatype === 'number' && !/^\d{1,6}(\.\d+)?$/.test(values[0])) problems.push(`attribute[${a.code}] must be a number`);
    else if (values.some((v) => v.length > 200)) problems.push(`attribute[${a.code}] is longer than 200 characters`);
    else lines.push(`${a.description}: ${values.map((v) => a.values?.find((k) => k.key === v)?.name ?? v).join(', ')}`);
  }
  return { problems, lines };
}
