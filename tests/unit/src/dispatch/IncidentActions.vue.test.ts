// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import AuditTrail from '@/dispatch/AuditTrail.vue';
import IncidentActions from '@/dispatch/IncidentActions.vue';
import { i18n, setLocale } from '@/i18n';
import type { AuditEntry } from '@/protocol/workOrders';
import { makeIncident } from '../../../support/incidentFixture';

const opts = { global: { plugins: [i18n] } };

beforeEach(() => {
  setActivePinia(createPinia());
  setLocale('zh-CN');
});

describe('the supervisor’s verdict on the console (核查, 返工)', () => {
  it('offers 核查通过 and 返工 on a resolved incident, and sends a rework only with its note', async () => {
    const wrapper = mount(IncidentActions, { ...opts, props: { incident: makeIncident({ id: 'INC-000007', status: 'resolved' }), busy: false } });
    expect(wrapper.get('[data-testid="action-verified"]').text()).toBe('核查通过');
    const rework = wrapper.get('[data-testid="action-reworked"]');
    expect(rework.text()).toBe('返工');
    expect(wrapper.find('[data-testid="action-closed"]').exists()).toBe(false);
    expect(rework.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="rework-hint"]').text()).toContain('返工须在备注中写明');

    await wrapper.get('[data-testid="note-input"]').setValue('积水未排净');
    expect(wrapper.find('[data-testid="rework-hint"]').exists()).toBe(false);
    await wrapper.get('[data-testid="action-reworked"]').trigger('click');
    expect(wrapper.emitted('transition')).toEqual([['reworked', '积水未排净']]);

    await wrapper.get('[data-testid="action-verified"]').trigger('click');
    expect(wrapper.emitted('transition')?.[1]).toEqual(['verified', undefined]);
  });

  it('closes a verified incident, in English too', async () => {
    setLocale('en');
    const wrapper = mount(IncidentActions, { ...opts, props: { incident: makeIncident({ id: 'INC-000007', status: 'verified' }), busy: false } });
    expect(wrapper.get('[data-testid="action-closed"]').text()).toBe('Close');
    expect(wrapper.find('[data-testid="action-verified"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-reworked"]').exists()).toBe(false);
  });

  it('names the verdicts and the field supervisor in the audit trail', () => {
    const base = { incidentId: 'INC-000007', recordedAt: 0, teamId: null, version: 6 };
    const supervisor = { kind: 'system' as const, name: 'supervisor:310101001001', role: 'supervisor' };
    const entries: AuditEntry[] = [
      { ...base, seq: 1, action: 'rework', actor: supervisor, at: 0, from: 'resolved', to: 'dispatched', note: '核查未通过：积水未排净' },
      { ...base, seq: 2, action: 'verify', actor: supervisor, at: 60_000, from: 'resolved', to: 'verified', note: null },
    ];
    const wrapper = mount(AuditTrail, { ...opts, props: { entries } });
    const rework = wrapper.get('[data-testid="audit-rework"]').text();
    expect(rework).toContain('返工');
    expect(rework).toContain('已处置 → 已派单');
    expect(rework).toContain('监督员 310101001001');
    expect(rework).toContain('积水未排净');
    expect(wrapper.get('[data-testid="audit-verify"]').text()).toContain('已处置 → 核查通过');
  });
});
