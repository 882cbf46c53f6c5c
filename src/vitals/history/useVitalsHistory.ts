/**
 * Samples one dimension's indicators on every vitals frame into fixed-size histories. The
 * sparklines are redrawn once every SPARK_REFRESH_MS: an hour-long trend gains nothing from
 * redrawing each second, and thirty small charts redrawn each second cost more than the rest of
 * the panels together. The panels take turns (each its own phase): thirty charts drawn in the same
 * animation frame every five seconds made that frame a long task on the wall, six a second do not.
 * On load the server's last hour fills the histories, so a reloaded wall screen does not show an
 * empty hour.
 */
import { computed, shallowRef, watch, type Ref } from 'vue';
import type { IndicatorSpec, VitalsFrame } from '@/protocol/vitals';
import { VitalsHistory } from './IndicatorHistory';
import { loadVitalsBackfill } from './vitalsBackfill';

export const SPARK_REFRESH_MS = 5000;

/** Which redraw turn `now` falls in: the sparklines redraw when it changes. */
export function sparkTurn(now: number, refreshMs: number, phaseMs: number): number {
  return Math.floor((now - phaseMs) / refreshMs);
}

export function useVitalsHistory(
  indicators: Ref<readonly { spec: IndicatorSpec; index: number }[]>,
  vitals: Ref<VitalsFrame | null>,
  /** The catalogue's version: the server's last hour is fetched once per catalogue (null: none yet). */
  catalogKey: Ref<string | null>,
  /** How the last hour is fetched (the app's API fetch; a test's fake). */
  fetchImpl: typeof fetch,
  /** Where in the refresh period this panel's turn falls, ms (panels spread over the period). */
  phaseMs = 0,
  refreshMs = SPARK_REFRESH_MS,
) {
  const history = new VitalsHistory();
  /** Ticks when the sparklines should redraw. */
  const revision = shallowRef(0);
  // A string, so it only counts as changed when the catalogue does (not on every frame).
  const idKey = computed(() => indicators.value.map((r) => `${r.index}:${r.spec.id}`).join('\n'));
  const ids = computed(() => (idKey.value ? idKey.value.split('\n') : []).map((k) => ({ index: Number(k.slice(0, k.indexOf(':'))), id: k.slice(k.indexOf(':') + 1) })));
  let drawnTurn = Number.NaN;

  watch(ids, (list) => history.retain(new Set(list.map((r) => r.id))));
  watch(
    catalogKey,
    async (key) => {
      if (!key) return;
      const trail = await loadVitalsBackfill(key, fetchImpl);
      if (!trail || catalogKey.value !== key) return;
      history.backfill(trail.indicators, trail.points, new Set(ids.value.map((r) => r.id)));
      revision.value++;
    },
    { immediate: true },
  );
  /** Each indicator's points as last drawn; the same arrays until the next redraw. */
  const sparks = computed(() => {
    void revision.value;
    return new Map(ids.value.map(({ id }) => [id, history.pairs(id)]));
  });
  watch(
    vitals,
    (frame) => {
      if (!frame || !Array.isArray(frame.values)) return;
      history.sample(frame.t, ids.value, frame.values);
      const turn = sparkTurn(Date.now(), refreshMs, phaseMs);
      if (turn === drawnTurn) return;
      drawnTurn = turn;
      revision.value++;
    },
    { immediate: true },
  );
  return { history, revision, sparks };
}
