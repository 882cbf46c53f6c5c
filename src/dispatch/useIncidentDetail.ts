/**
 * The selected incident for the console: its record (the live store's copy, which every frame keeps
 * current, or the API's when it has left the live set), its audit trail and nearest teams, and the
 * commands on it. A command names the version on screen; a 409 means another officer acted first,
 * so the console says so and reloads instead of acting on a state nobody has seen.
 */
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Incident } from '@/protocol/cityEvents';
import type { AuditEntry, TeamSuggestion, TransitionTarget } from '@/protocol/workOrders';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { ApiError, toApiError } from '@/shared/apiClient';
import type { IncidentApi } from './incidentApi';

/** What the console tells the officer after a command. */
export type DetailNotice = { kind: 'conflict' } | { kind: 'error'; status: number; code: string; message: string } | { kind: 'done'; action: string };

export function useIncidentDetail(selectedId: Ref<string | null>, api: IncidentApi) {
  const events = useCityEventsStore();
  /** The API's copy: newer than the live one right after our own command, and the only one once it closes. */
  const fetched = shallowRef<Incident | null>(null);
  const audit = shallowRef<AuditEntry[]>([]);
  const teams = shallowRef<TeamSuggestion[]>([]);
  const teamsLoading = ref(false);
  const busy = ref(false);
  const notice = shallowRef<DetailNotice | null>(null);

  const incident = computed<Incident | null>(() => {
    void events.version; // the Map changes in place; the version says when
    const id = selectedId.value;
    if (!id) return null;
    const live = events.incidents.get(id) ?? null;
    const mine = fetched.value?.id === id ? fetched.value : null;
    if (live && mine) return live.version >= mine.version ? live : mine;
    return live ?? mine;
  });

  /** Drops answers that arrive after the officer has moved to another incident. */
  const still = (id: string) => selectedId.value === id;

  async function loadAudit(id: string) {
    try {
      const entries = await api.audit(id);
      if (still(id)) audit.value = entries;
    } catch {
      // The trail keeps its last content; the next version change asks again.
    }
  }

  async function loadTeams(id: string) {
    teamsLoading.value = true;
    try {
      const list = await api.teams(id);
      if (still(id)) teams.value = list;
    } catch {
      if (still(id)) teams.value = [];
    } finally {
      if (still(id)) teamsLoading.value = false;
    }
  }

  async function reload(id: string) {
    try {
      const fresh = await api.get(id);
      if (still(id)) fetched.value = fresh;
    } catch {
      // Shown from the live store meanwhile.
    }
    await Promise.all([loadAudit(id), loadTeams(id)]);
  }

  watch(
    selectedId,
    (id) => {
      audit.value = [];
      teams.value = [];
      notice.value = null;
      if (!id) return;
      if (!events.incidents.has(id)) void reload(id);
      else void Promise.all([loadAudit(id), loadTeams(id)]);
    },
    { immediate: true },
  );

  // Every change (ours, another console's, a team's) bumps the version and adds to the trail.
  watch(
    () => incident.value?.version,
    (now, before) => {
      const id = selectedId.value;
      if (!id || now === undefined || before === undefined || now === before) return;
      void loadAudit(id);
      void loadTeams(id);
    },
  );

  async function run(action: string, command: (i: Incident) => Promise<Incident>) {
    const current = incident.value;
    if (!current || busy.value) return;
    busy.value = true;
    notice.value = null;
    try {
      const next = await command(current);
      if (still(current.id)) {
        fetched.value = next;
        notice.value = { kind: 'done', action };
      }
    } catch (err) {
      if (!still(current.id)) return;
      if (err instanceof ApiError && err.isConflict) {
        notice.value = { kind: 'conflict' };
        await reload(current.id);
      } else {
        const e = toApiError(err);
        notice.value = { kind: 'error', status: e.status, code: e.code, message: e.message };
      }
    } finally {
      busy.value = false;
    }
  }

  return {
    incident,
    audit,
    teams,
    teamsLoading,
    busy,
    notice,
    /** Sends a team (omitted: the server picks the nearest suitable one, or the outside unit). */
    dispatch: (teamId?: string, note?: string) =>
      run(teamId ? 'dispatch' : 'dispatchAuto', (i) => api.dispatch(i.id, { expectedVersion: i.version, ...(teamId ? { teamId } : {}), ...(note ? { note } : {}) })),
    transition: (to: TransitionTarget, note?: string) => run(to, (i) => api.transition(i.id, { to, expectedVersion: i.version, ...(note ? { note } : {}) })),
    addNote: (note: string) => run('note', (i) => api.note(i.id, { note, expectedVersion: i.version })),
  };
}

export type IncidentDetail = ReturnType<typeof useIncidentDetail>;
