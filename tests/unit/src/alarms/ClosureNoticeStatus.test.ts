// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ClosureNoticeStatus from '@/alarms/ClosureNoticeStatus.vue';
import { i18n, setLocale } from '@/i18n';
import type { ClosureNotice } from '@/protocol/closureNotice';

// 14:00:00 in Shanghai; delivered three minutes before.
const NOW = Date.parse('2026-07-15T14:00:00+08:00');
const DELIVERED = NOW - 3 * 60_000;

const textOf = async (notice: ClosureNotice | undefined) => {
  const wrapper = mount(ClosureNoticeStatus, { props: { notice }, global: { plugins: [i18n] } });
  // The screen's shared clock ticks once a second: one tick brings it to the faked now.
  await vi.advanceTimersByTimeAsync(1000);
  const p = wrapper.get('[data-testid="closure-notice"]');
  // The parts are set apart by the layout's gap, not by spaces: read them one by one.
  const out = { text: p.findAll('span, small').map((part) => part.text()).join(' '), state: p.attributes('data-state') };
  wrapper.unmount();
  return out;
};

describe('the closure notice line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    setLocale('zh-CN');
  });

  it('speaks zh-CN', async () => {
    setLocale('zh-CN');
    expect(await textOf({ state: 'unconfigured' })).toEqual({ text: '交警封路通知 未配置交警通知，交警未获通知', state: 'unconfigured' });
    expect(await textOf({ state: 'sending', attempts: 0, lastError: null })).toEqual({ text: '交警封路通知 通知发送中', state: 'sending' });
    expect(await textOf({ state: 'sending', attempts: 2, lastError: 'HTTP 500' })).toEqual({ text: '交警封路通知 通知发送中（第 2 次重试） 上次失败：HTTP 500', state: 'retrying' });
    expect(await textOf({ state: 'delivered', deliveredAt: DELIVERED })).toEqual({ text: '交警封路通知 已送达交警 13:57:00（3 分钟前）', state: 'delivered' });
    expect(await textOf(undefined)).toEqual({ text: '交警封路通知 正在提交…', state: 'recording' });
  });

  it('speaks English', async () => {
    setLocale('en');
    expect((await textOf({ state: 'unconfigured' })).text).toBe('Road-closure notice to the traffic police: no traffic-police endpoint configured: the police were not notified');
    expect((await textOf({ state: 'sending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:9' })).text).toBe('Road-closure notice to the traffic police: sending (retry 1) last attempt: connect ECONNREFUSED 127.0.0.1:9');
    expect((await textOf({ state: 'delivered', deliveredAt: DELIVERED })).text).toBe('Road-closure notice to the traffic police: delivered to the traffic police at 13:57:00 (3 min ago)');
  });
});
