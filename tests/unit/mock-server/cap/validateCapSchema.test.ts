/**
 * The verdicts of the OASIS XSD on the shared CAP material (../shared/data/cap-1.2/XSD_VALIDATION.tsv,
 * made with lxml), reproduced file by file as the TSV stands: the alerts found, their CAP version,
 * valid or not, and for an invalid one the element the XSD named among our problems.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCapAlerts } from '../../../../mock-server/cap/findCapAlerts';
import { readXmlDocument, XmlRefusal } from '../../../../mock-server/cap/readXmlDocument';
import { capVersionOf, validateCapSchema } from '../../../../mock-server/cap/validateCapSchema';

const CAP_DIR = join(__dirname, '../../../../../shared/data/cap-1.2');
const rows = readFileSync(join(CAP_DIR, 'XSD_VALIDATION.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t') as [string, string, string]);

/** `CAP1.2 valid` or `CAP1.1 INVALID`, and the element an INVALID one names. */
const verdictOf = (tsv: string) => {
  const m = /^CAP(1\.[12]) (valid|INVALID: Element '\{[^}]*\}(\w+)')/.exec(tsv.trim());
  if (!m) throw new Error(`unread TSV verdict: ${tsv}`);
  return { version: m[1]!, valid: m[2] === 'valid', element: m[3] };
};

describe('CAP schema verdicts (XSD_VALIDATION.tsv)', () => {
  it('lists the files of the shared set', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
  });

  it.each(rows)('%s: %s alert(s), %s', (file, found, result) => {
    const bytes = readFileSync(join(CAP_DIR, file));
    let alerts;
    try {
      alerts = findCapAlerts(readXmlDocument(bytes));
    } catch (error) {
      // Refused before any element is read (a DOCTYPE): acceptable only where the XSD found no valid alert.
      expect(error).toBeInstanceOf(XmlRefusal);
      expect(result.startsWith('no <alert>') || result.split(' | ').every((r) => r.includes('INVALID'))).toBe(true);
      return;
    }
    if (found === '-') {
      expect(alerts).toEqual([]);
      return;
    }
    expect(alerts).toHaveLength(Number(found));
    const ours = alerts.map((a) => validateCapSchema(a, capVersionOf(a)!));
    // The TSV lists each distinct verdict once: every one of them is met, and every alert meets one.
    const expected = result.split(' | ').map(verdictOf);
    const meets = (v: (typeof ours)[number], e: (typeof expected)[number]) =>
      v.version === e.version && (v.problems.length === 0) === e.valid && (e.valid || new RegExp(`\\b${e.element}\\b`).test(v.problems.join(' ')));
    for (const e of expected) expect(ours.some((v) => meets(v, e)), `${JSON.stringify(e)} in ${JSON.stringify(ours)}`).toBe(true);
    for (const v of ours) expect(expected.some((e) => meets(v, e)), JSON.stringify(v)).toBe(true);
  });
});
