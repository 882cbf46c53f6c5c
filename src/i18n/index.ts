/** zh-CN by default; `?lang=en` or the header toggle switches, and the choice is remembered. */
import { createI18n } from 'vue-i18n';
import { alarmMessages } from '@/alarms/alarmMessages';
import { authMessages } from '@/auth/authMessages';
import { detailMessages } from '@/detail/detailMessages';
import { mapMessages } from '@/map/mapMessages';
import { evaluationMessages } from '@/summary/evaluationMessages';
import en from './en';
import { kindMessageTree, mergeMessages } from './kindMessages';
import zhCN from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
const STORAGE_KEY = 'cityops.locale';

function initialLocale(): AppLocale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  const stored = window.localStorage?.getItem(STORAGE_KEY);
  const wanted = fromUrl ?? stored;
  return LOCALES.includes(wanted as AppLocale) ? (wanted as AppLocale) : 'zh-CN';
}

const numberFormat = { decimal1: { style: 'decimal', minimumFractionDigits: 1, maximumFractionDigits: 1 } } as const;

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  // Feature folders keep their own texts; each adds its own top-level keys.
  messages: {
    'zh-CN': mergeMessages({ ...zhCN, ...mapMessages['zh-CN'], ...detailMessages['zh-CN'], ...authMessages['zh-CN'], ...alarmMessages['zh-CN'], ...evaluationMessages['zh-CN'] }, kindMessageTree('zh-CN')),
    en: mergeMessages({ ...en, ...mapMessages.en, ...detailMessages.en, ...authMessages.en, ...alarmMessages.en, ...evaluationMessages.en }, kindMessageTree('en')),
  },
  numberFormats: { 'zh-CN': numberFormat, en: numberFormat },
  datetimeFormats: {
    'zh-CN': { clock: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }, date: { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', timeZone: 'Asia/Shanghai' } },
    en: { clock: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }, date: { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'Asia/Shanghai' } },
  },
});

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  window.localStorage?.setItem(STORAGE_KEY, locale);
}
