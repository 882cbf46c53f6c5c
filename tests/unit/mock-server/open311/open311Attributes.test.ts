import { describe, expect, it } from 'vitest';
import { attributeAnswersOf, checkAttributes } from '../../../../mock-server/open311/open311Attributes';

describe('attributeAnswersOf', () => {
  it('reads attribute[code] fields (form or JSON) and an attribute object, numbers as text, lists kept', () => {
    expect(attributeAnswersOf({ service_code: 'x', 'attribute[injured]': 'yes', 'attribute[tags][]': ['a', 'b'], attribute: { people: 3 } })).toEqual({ injured: 'yes', tags: ['a', 'b'], people: '3' });
    expect(attributeAnswersOf({ attribute: 'not an object', description: 'x' })).toEqual({});
  });
});

describe('checkAttributes', () => {
  it('writes the answers as lines under their question, with the list value\'s name', () => {
    expect(checkAttributes('trafficAccident', { injured: 'no' })).toEqual({ problems: [], lines: ['有人受伤吗？ Is anyone injured?: 否 No'] });
    expect(checkAttributes('elevatorEntrapment', { people: '2' }).lines).toEqual(['被困几人？ How many people are trapped?: 2']);
  });

  it('refuses a missing required answer, a value off the list, a non-number, two values for one, an unknown code', () => {
    expect(checkAttributes('trafficAccident', {}).problems).toEqual([expect.stringMatching(/^attribute\[injured\] is required/)]);
    expect(checkAttributes('trafficAccident', { injured: '  ' }).problems).toEqual([expect.stringMatching(/is required/)]);
    expect(checkAttributes('trafficAccident', { injured: 'maybe' }).problems).toEqual(['attribute[injured] must be one of yes, no, unknown']);
    expect(checkAttributes('trafficAccident', { injured: ['yes', 'no'] }).problems).toEqual(['attribute[injured] takes one value']);
    expect(checkAttributes('elevatorEntrapment', { people: 'many' }).problems).toEqual(['attribute[people] must be a number']);
    expect(checkAttributes('litter', { colour: 'red' }).problems).toEqual(['attribute[colour]: service litter has no such attribute']);
    expect(checkAttributes('muckDumping', { plate: 'x'.repeat(201) }).problems).toEqual(['attribute[plate] is longer than 200 characters']);
  });

  it('takes no answer to an optional attribute', () => {
    expect(checkAttributes('muckDumping', {})).toEqual({ problems: [], lines: [] });
  });
});
