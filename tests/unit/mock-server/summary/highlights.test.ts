import { describe, expect, it } from 'vitest';
import { highlightsOf } from '../../../../mock-server/summary/highlights';
import { makeSummary } from '../../../support/summaryFixture';

describe('highlightsOf', () => {
  it('says the day’s on-time and closure rates, the rework and the street with the lowest on-time rate', () => {
    const { zh, en } = highlightsOf(makeSummary());
    expect(zh).toContain('按期处置率 91%，结案率 95%，返工 21 件；按期处置率最低的街道为浦东新区镇03（68%）。');
    expect(en).toContain('91% of the cases due were handled on time and 95% closed; 21 sent back after a failed check; lowest on-time rate: Pudong town 03 (68%).');
    expect(zh).toHaveLength(en.length);
  });

  it('says nothing of the evaluation on a day with nothing due', () => {
    const s = makeSummary();
    const none = { ...s, evaluation: { ...s.evaluation, city: { ...s.evaluation.city, due: 0, onTime: 0, onTimeRate: null, closureRate: null } } };
    expect(highlightsOf(none).zh.join('')).not.toContain('按期处置率');
  });
});
