/**
 * Numbers with a fixed number of decimals, grouped for the locale. vue-i18n's `n(value, options)`
 * builds a new Intl.NumberFormat on every call when given options (its formatter cache covers named
 * formats only), and the wall formats dozens of figures a second: ~2 ms of every 1 Hz update went
 * there. One formatter per locale and digit count instead.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

const formats = new Map<string, Intl.NumberFormat>();

export function fixedDigitsFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/** `fixed(value, digits)` in the current UI locale. */
export function useFixedDigits(): (value: number, digits?: number) => string {
  const { locale } = useI18n();
  const current = computed(() => locale.value);
  return (value, digits = 0) => fixedDigitsFormat(current.value, digits).format(value);
}
