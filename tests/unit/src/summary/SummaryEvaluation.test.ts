// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import SummaryEvaluation from '@/summary/SummaryEvaluation.vue';
import { makeSummary } from '../../../support/summaryFixture';

const mountIt = (summary = makeSummary()) => mount(SummaryEvaluation, { props: { summary, print: false }, global: { plugins: [i18n] } });
const texts = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('td').map((c) => c.text());

beforeEach(() => setLocale('zh-CN'));

describe('the daily report’s evaluation section (综合评价)', () => {
  it('shows the city’s figures and rates', () => {
    const w = mountIt();
    expect(w.get('h2').text()).toBe('综合评价（GB/T 30428）');
    expect(w.get('[data-testid="evaluation-city-registered"]').text()).toBe('412');
    expect(w.get('[data-testid="evaluation-city-handled"]').text()).toBe('366');
    expect(w.get('[data-testid="evaluation-city-onTimeRate"]').text()).toBe('91.1%');
    expect(w.get('[data-testid="evaluation-city-reworkRate"]').text()).toBe('5.5%');
  });

  it('ranks the streets worst on-time rate first with registered, due, on time, closed, reworked and the rates', () => {
    const rows = mountIt().get('[data-testid="evaluation-streets"]').findAll('tbody tr');
    expect(rows.map((r) => r.attributes('data-key'))).toEqual(['310115103', '310104002', '310101001']);
    // name, registered, due, on time, closed, reworked, on-time rate, closure rate, rework rate
    expect(texts(rows[0])).toEqual(['浦东新区镇03 · 310115103', '21', '19', '13', '17', '4', '68.4%', '84.2%', '20.0%']);
  });

  it('lists the departments and the busiest cells, in English too', async () => {
    const w = mountIt();
    expect(texts(w.get('[data-testid="evaluation-departments"]').findAll('tbody tr')[0])[0]).toBe('交警');
    expect(texts(w.get('[data-testid="evaluation-cells"]').findAll('tbody tr')[0])[0]).toBe('3101010010030112 · 黄浦区街道01');
    setLocale('en');
    await flushPromises();
    expect(w.get('h2').text()).toBe('Evaluation (GB/T 30428)');
    expect(texts(w.get('[data-testid="evaluation-departments"]').findAll('tbody tr')[0])[0]).toBe('Traffic Police');
    expect(texts(w.get('[data-testid="evaluation-streets"]').findAll('tbody tr')[0])[0]).toBe('Pudong town 03 · 310115103');
    expect(w.get('[data-testid="evaluation-streets"]').text()).toContain('On-time rate');
  });

  it('says how many cases were off the grid, and that a day had none', () => {
    // The fixture's streets hold 62 of the city's 412.
    expect(mountIt().get('[data-testid="evaluation-off-grid"]').text()).toContain('另有 350 件');
    const s = makeSummary();
    const zero = { registered: 0, due: 0, onTime: 0, handled: 0, rework: 0, closed: 0, onTimeRate: null, closureRate: null, reworkRate: null };
    const w = mountIt({ ...s, evaluation: { city: zero, streets: [], cells: [], departments: [] } });
    expect(w.text()).toContain('当日无案件');
    expect(w.find('table').exists()).toBe(false);
    expect(w.get('[data-testid="evaluation-city-onTimeRate"]').text()).toBe('—');
  });
});
