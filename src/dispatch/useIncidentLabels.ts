/**
 * Names the console shows for an incident's codes and slots (district, team, SLA countdown, age), in
 * the current language, from the live catalogue and simulated time.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Incident } from '@/protocol/cityEvents';
import { ageText } from '@/shared/formatAge';
import { useLiveStore } from '@/stores/useLiveStore';
import { formatCountdown, slaClock, type SlaClock } from './queue';

export function useIncidentLabels() {
  const { t, locale } = useI18n();
  const live = useLiveStore();
  const english = computed(() => locale.value === 'en');
  /** Simulated now: incidents and deadlines are stamped in the simulator's clock. */
  const simNow = computed(() => live.frame?.simTime ?? null);

  function districtName(index: number): string {
    const d = live.catalog?.districts[index];
    return d ? (english.value ? d.nameEn : d.name) : '';
  }

  function teamName(slot: number | null): string | null {
    const team = live.catalog?.groups.team;
    if (slot === null || !team || slot >= team.count) return null;
    return (english.value ? team.namesEn[slot] : team.names[slot]) ?? team.ids[slot];
  }

  function age(createdAt: number): string {
    if (simNow.value === null) return '';
    const a = ageText(createdAt, simNow.value);
    return t(`age.${a.key}`, { n: a.n });
  }

  function sla(i: Incident): SlaClock & { text: string } {
    const clock = slaClock(i, simNow.value ?? i.createdAt);
    const left = formatCountdown(clock.remainingMs);
    const text = clock.state === 'none' ? t('dispatch.sla.none') : clock.state === 'breached' ? t('dispatch.sla.overdue', { t: left }) : left;
    return { ...clock, text };
  }

  return { english, simNow, districtName, teamName, age, sla };
}
