import { describe, expect, it } from 'vitest';
import { highlightsOf } from '../../../../mock-server/summary/highlights';
import { makeSummary } from '../../../support/summaryFixture';

describe('highlightsOf', () => {
  it('says the day’s on-time and closure rates, the rework and the street with the lowest on-time rate', () => {
    const { zh, en } = highlightsOf(makeSummary());
    expect(zh).toContain('按期处置率 91%，结案率 95%，返工 21 件；按期处置率最低的街道为浦东新区镇03（68%，应处置 19 件中按期 13 件）。');
    expect(en).toContain('91% of the cases due were handled on time and 95% closed; 21 sent back after a failed check; lowest on-time rate: Pudong town 03 (68%, 13 of 19 due).');
    expect(zh).toHaveLength(en.length);
  });

  it('names the worst street only among those with at least 5 cases due', () => {
    const s = makeSummary();
    const [pudong, ...rest] = s.evaluation.streets;
    const tiny = { ...pudong!, streetCode: '310107001', name: '普陀区街道01', nameEn: 'Putuo street 01', registered: 1, due: 1, onTime: 0, onTimeRate: 0 };
    const { zh, en } = highlightsOf({ ...s, evaluation: { ...s.evaluation, streets: [tiny, pudong!, ...rest] } });
    expect(zh.join('')).toContain('按期处置率最低的街道为浦东新区镇03（68%');
    expect(en.join('')).not.toContain('Putuo');
    const fewDue = s.evaluation.streets.map((st) => ({ ...st, due: 4 }));
    expect(highlightsOf({ ...s, evaluation: { ...s.evaluation, streets: fewDue } }).zh.join('')).not.toContain('最低的街道');
  });

  it('says nothing of the evaluation on a day with nothing due', () => {
    const s = makeSummary();
    const none = { ...s, evaluation: { ...s.evaluation, city: { ...s.evaluation.city, due: 0, onTime: 0, onTimeRate: null, closureRate: null } } };
    expect(highlightsOf(none).zh.join('')).not.toContain('按期处置率');
  });
});
