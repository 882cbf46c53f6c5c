/**
 * Director mode on the wall screen: the carousel (DirectorLoop) wired to the page — each focus
 * highlights a dimension panel and drills into its worst indicator; a showing alarm spotlight holds
 * it; the space bar and the header's button pause and resume it; a hand-made drill-down steps it
 * aside for a while. On by default; `?director=0` turns it off (it can still be resumed by hand).
 */
import { inject, onBeforeUnmount, onMounted, provide, shallowRef, watch, type InjectionKey, type Ref } from 'vue';
import { DIMENSIONS, type Dimension } from '@/protocol/vitals';
import { useLiveStore } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { readingsOf, worstReading } from '@/vitals/indicatorView';
import { DirectorLoop } from './DirectorLoop';
import { DIRECTOR_DEFAULTS, INITIAL_DIRECTOR, type DirectorState } from './directorMachine';

export interface DirectorApi {
  state: Readonly<Ref<DirectorState>>;
  focused: Readonly<Ref<Dimension | null>>;
  toggle: () => void;
  /** An operator drilled into something by hand. */
  interact: () => void;
}

export const DIRECTOR_KEY: InjectionKey<DirectorApi> = Symbol('director');

/** `?director=0|off|false` turns the carousel off at start; anything else (or nothing) leaves it on. */
export function directorEnabled(search: string): boolean {
  const v = new URLSearchParams(search).get('director');
  return !(v === '0' || v === 'off' || v === 'false');
}

/** Whether a key press belongs to a control (a focused button handles its own space bar). */
function isControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName) || target.getAttribute('role') === 'button';
}

export function useDirector(spotlightShowing: Readonly<Ref<boolean>>, options = DIRECTOR_DEFAULTS): DirectorApi {
  const live = useLiveStore();
  const mapView = useMapViewStore();
  const state = shallowRef<DirectorState>(INITIAL_DIRECTOR);
  const focused = shallowRef<Dimension | null>(null);

  function focus(index: number) {
    const dimension = DIMENSIONS[index];
    focused.value = dimension;
    drillWorst(dimension);
  }

  function drillWorst(dimension: Dimension) {
    const worst = worstReading(readingsOf(live.catalog?.indicators ?? [], live.vitals ?? null, dimension));
    const id = worst?.spec.id ?? null;
    // drill() toggles: only call it when the drilled indicator actually changes.
    if (mapView.drilled !== id) mapView.drill(id);
  }

  const loop = new DirectorLoop({ ...options, count: DIMENSIONS.length, onFocus: focus, onState: (s) => (state.value = s) });

  function onKey(e: KeyboardEvent) {
    if (e.code !== 'Space' && e.key !== ' ') return;
    if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || isControl(e.target)) return;
    e.preventDefault();
    loop.send({ type: 'toggle' });
  }

  watch(spotlightShowing, (showing) => loop.send({ type: showing ? 'hold' : 'release' }));
  // A wall that starts before its first snapshot focuses a dimension with nothing to drill yet.
  watch(
    () => !!live.catalog?.indicators?.length && !!live.vitals,
    (ready) => {
      if (ready && focused.value && state.value.mode === 'running' && mapView.drilled === null) drillWorst(focused.value);
    },
  );
  onMounted(() => {
    window.addEventListener('keydown', onKey);
    if (spotlightShowing.value) loop.send({ type: 'hold' });
    loop.start(directorEnabled(window.location.search));
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey);
    loop.dispose();
  });

  const api: DirectorApi = {
    state,
    focused,
    toggle: () => loop.send({ type: 'toggle' }),
    interact: () => loop.send({ type: 'interact' }),
  };
  provide(DIRECTOR_KEY, api);
  return api;
}

/** The page's director, for controls further down (null on pages without one). */
export function useDirectorControls(): DirectorApi | null {
  return inject(DIRECTOR_KEY, null);
}
